package org.openprofiles.adapter.memory.shared;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openprofiles.application.shared.ChangeFeed;

/**
 * The change feed in memory: the repositories tell their changes to {@link MemoryTransactions},
 * which passes them here when the unit of work commits. One process, nothing to lose: always live.
 */
public final class MemoryChangeFeed implements ChangeFeed {

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void subscribe(Listener listener) {
        listeners.add(listener);
    }

    @Override
    public boolean live() {
        return true;
    }

    void tell(Change change) {
        for (Listener listener : listeners) {
            listener.changed(change);
        }
    }
}
