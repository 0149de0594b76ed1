package org.openprofiles.application.shared;

import java.util.UUID;

/**
 * Tells what changed among the stored things that caches keep (users, API tokens, profile
 * templates, access profiles and the directory groups they show), so that a change takes effect at once: on this node when the unit of work that made
 * it commits, on every other node on the same database moments later (the JDBI adapter relays the
 * database's own change notifications). A change that is rolled back is never told.
 *
 * <p>When the feed cannot promise that it sees every change (its connection to the database is
 * lost), it says so: it is not {@link #live()}, and its listeners are {@link Listener#reset reset}
 * when it is lost and again when it is back.
 */
public interface ChangeFeed {

    /** What kind of stored thing changed. */
    enum Topic {
        USER,
        API_TOKEN,
        PROFILE_TEMPLATE,
        /** An access profile, or its groups or attribute values. */
        ACCESS_PROFILE,
        /** A directory group's name or distinguished name (what access profiles show of it). */
        DIRECTORY_GROUP
    }

    /** One change: the kind of thing and its id. */
    record Change(Topic topic, UUID id) {
        public Change {
            if (topic == null || id == null) {
                throw new IllegalArgumentException("a change names a topic and an id");
            }
        }
    }

    /** Who wants to know. Called on the feed's own thread or on the committing one: keep it short. */
    interface Listener {

        void changed(Change change);

        /** Changes may have been missed, or start being seen again: drop everything that was kept. */
        void reset();
    }

    void subscribe(Listener listener);

    /** True while every committed change is being told; caches serve nothing while it is false. */
    boolean live();
}
