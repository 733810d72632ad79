package io.relayconsole.store.dynamodb;

import io.relayconsole.store.StoreException;
import java.util.function.Supplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;

/** Turns AWS SDK failures into {@link StoreException}s whose messages tell the user what is wrong. */
final class DynamoDbErrors {
    private final String tableName;
    private final String server;

    DynamoDbErrors(String tableName, String server) {
        this.tableName = tableName;
        this.server = server;
    }

    /** Runs one DynamoDB operation; {@code what} names it in the error message ("read flag x"). */
    <T> T call(String what, Supplier<T> operation) {
        try {
            return operation.get();
        } catch (ResourceNotFoundException e) {
            throw missingTable(e);
        } catch (AwsServiceException e) {
            String code = e.awsErrorDetails() != null ? e.awsErrorDetails().errorCode() : null;
            String detail = e.awsErrorDetails() != null ? e.awsErrorDetails().errorMessage() : e.getMessage();
            throw new StoreException("DynamoDB (" + server + ") refused to " + what + ": "
                    + (code != null ? code + ": " : "") + detail, e);
        } catch (SdkException e) {
            throw new StoreException("DynamoDB (" + server + ") could not " + what + ": " + e.getMessage(), e);
        }
    }

    StoreException missingTable(Exception cause) {
        return new StoreException(missingTableMessage(), cause);
    }

    String missingTableMessage() {
        return "The DynamoDB table \"" + tableName + "\" does not exist (" + server + "). Create it with the "
                + "console's Create table action, or with: aws dynamodb create-table --table-name " + tableName
                + " --attribute-definitions AttributeName=namespace,AttributeType=S AttributeName=key,AttributeType=S"
                + " --key-schema AttributeName=namespace,KeyType=HASH AttributeName=key,KeyType=RANGE"
                + " --billing-mode PAY_PER_REQUEST";
    }
}
