using Passerelle.ActiveSync.Tests.Http;
using Passerelle.ActiveSync.Tests.Sync;
using Passerelle.Store.Imap.Tests.Infrastructure;

namespace Passerelle.Store.Imap.Tests.EndToEnd;

// The embedded store's end-to-end suites (tests/Passerelle.ActiveSync.Tests), every test of them, run over
// real HTTP against the host with Stores:Mail=Imap in front of a private Dovecot and Postfix.

public sealed class ImapFolderSyncTests(MailServers servers) : FolderSyncTests(new ImapMailBackend(servers)), IClassFixture<MailServers>;

public sealed class ImapEmailSyncTests(MailServers servers) : EmailSyncTests(new ImapMailBackend(servers)), IClassFixture<MailServers>;

public sealed class ImapPhoneJourneyTests(MailServers servers) : PhoneJourneyTests(new ImapMailBackend(servers)), IClassFixture<MailServers>;

public sealed class ImapSyncReplayTests(MailServers servers) : SyncReplayTests(new ImapMailBackend(servers)), IClassFixture<MailServers>;

public sealed class ImapSyncRobustnessTests(MailServers servers) : SyncRobustnessTests(new ImapMailBackend(servers)), IClassFixture<MailServers>;
