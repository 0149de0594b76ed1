package org.openprofiles.domain.certificate;

import java.util.Collection;
import java.util.Set;
import org.openprofiles.domain.security.UserId;

/** Which users exist to own certificate profiles: checked in one query for a whole import. */
public interface ProfileOwners {

    /** The users among {@code ids} that exist. */
    Set<UserId> existing(Collection<UserId> ids);
}
