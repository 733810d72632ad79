package io.relayconsole.demo.consul;

/** The KV verbs of Consul's {@code /v1/txn} that the double supports (sessions and locks are left out). */
final class TxnVerbs {
    static final String SET = "set";
    static final String CAS = "cas";
    static final String GET = "get";
    static final String GET_TREE = "get-tree";
    static final String CHECK_INDEX = "check-index";
    static final String CHECK_NOT_EXISTS = "check-not-exists";
    static final String DELETE = "delete";
    static final String DELETE_CAS = "delete-cas";
    static final String DELETE_TREE = "delete-tree";

    private TxnVerbs() {
    }

    /** Consul routes a transaction with no write through the read-only path, which takes no raft index. */
    static boolean isWrite(String verb) {
        return switch (verb) {
            case SET, CAS, DELETE, DELETE_CAS, DELETE_TREE, "lock", "unlock" -> true;
            default -> false;
        };
    }
}
