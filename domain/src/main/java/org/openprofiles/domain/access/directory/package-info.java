/**
 * The organisation's own directory (LDAP / Active Directory) as the service sees it from outside:
 * a {@link org.openprofiles.domain.access.directory.DirectorySource} that streams accounts and
 * groups page by page into a {@link org.openprofiles.domain.access.directory.DirectorySink}, and a
 * {@link org.openprofiles.domain.access.directory.DirectoryWriter} that brings accounts in line
 * (remediation). These ports depend on {@code domain.access} (accounts, groups, attribute values);
 * nothing in {@code domain.access} depends on them.
 */
package org.openprofiles.domain.access.directory;
