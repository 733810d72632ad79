package io.relayconsole.offline;

import io.relayconsole.model.FullDataSet;

/**
 * One environment of an ld-relay offline archive: the metadata of {@code {envId}.json} (ld-relay's
 * EnvironmentRep and the {@code dataId}) and the SDK data of {@code {envId}-data.json}.
 */
public record ArchiveEnvironment(String envId, String envKey, String envName, String projKey, String projName,
                                 String sdkKey, String mobileKey, long version, String dataId, FullDataSet data) {

    /** A name to show: "Project / Environment" when the archive says, else the ID. */
    public String displayName() {
        if (envName == null || envName.isBlank()) {
            return envId;
        }
        return projName == null || projName.isBlank() ? envName : projName + " / " + envName;
    }
}
