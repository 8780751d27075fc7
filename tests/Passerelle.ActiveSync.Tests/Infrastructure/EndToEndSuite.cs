using Passerelle.Testing;

namespace Passerelle.ActiveSync.Tests.Infrastructure;

/// <summary>A suite of end-to-end tests, run against the backend its constructor was given.</summary>
public abstract class EndToEndSuite(MailBackend backend)
{
    protected string Alice => backend.Alice;

    protected string Bob => backend.Bob;

    protected string Password => backend.Password;

    protected Task<PasserelleServer> StartAsync() => backend.StartAsync();

    protected Task ImportAsync(PasserelleServer server, string user, IEnumerable<string> messages, string? folder = null) =>
        backend.ImportAsync(server, user, messages, folder);
}
