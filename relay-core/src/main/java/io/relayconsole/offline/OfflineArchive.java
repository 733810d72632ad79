package io.relayconsole.offline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The environments of one ld-relay offline archive, by environment ID, in ID order. */
public record OfflineArchive(Map<String, ArchiveEnvironment> environments) {

    public OfflineArchive {
        environments = Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    public static OfflineArchive of(List<ArchiveEnvironment> list) {
        Map<String, ArchiveEnvironment> map = new LinkedHashMap<>();
        list.stream().sorted(java.util.Comparator.comparing(ArchiveEnvironment::envId))
                .forEach(env -> map.put(env.envId(), env));
        return new OfflineArchive(map);
    }

    public Optional<ArchiveEnvironment> environment(String envId) {
        return Optional.ofNullable(environments.get(envId));
    }
}
