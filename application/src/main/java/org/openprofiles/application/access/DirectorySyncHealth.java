package org.openprofiles.application.access;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.openprofiles.application.health.ReportedCheck;
import org.openprofiles.application.shared.Transactions;
import org.openprofiles.domain.access.directory.DirectorySync;
import org.openprofiles.domain.access.directory.DirectorySyncs;
import org.openprofiles.domain.shared.PageRequest;

/**
 * Reports how the newest directory sync went: down when it failed (with its error), up while one
 * runs or after a success. Not required for readiness: the service keeps serving the directory
 * data it has while the directory is unreachable.
 */
public final class DirectorySyncHealth extends ReportedCheck {

    private final DirectorySyncs syncs;
    private final Transactions transactions;

    public DirectorySyncHealth(DirectorySyncs syncs, Transactions transactions) {
        super("directory-sync");
        this.syncs = syncs;
        this.transactions = transactions;
    }

    @Override
    public Result check() {
        try {
            Optional<DirectorySync> newest = transactions.readOnly(
                    () -> syncs.list(PageRequest.first(1)).items().stream().findFirst());
            if (newest.isEmpty()) {
                return Result.up(Map.of("lastSync", "none yet"));
            }
            DirectorySync sync = newest.get();
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("lastSync", sync.id().value().toString());
            data.put("state", sync.state().name());
            data.put("startedAt", sync.startedAt().toString());
            sync.finishedAt().ifPresent(at -> data.put("finishedAt", at.toString()));
            sync.error().ifPresent(error -> data.put("error", error));
            return sync.state() == DirectorySync.State.FAILED ? Result.down(data) : Result.up(data);
        } catch (RuntimeException e) {
            return Result.down(Map.of("error", "the sync records could not be read"));
        }
    }
}
