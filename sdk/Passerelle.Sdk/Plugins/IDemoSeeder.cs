namespace Passerelle.Sdk.Plugins;

/// <summary>
/// Registered by a plugin that can fill an empty installation with demo data
/// (<c>passerelle serve --demo</c>). Seeding happens once: a seeder does nothing the second time.
/// </summary>
public interface IDemoSeeder
{
    /// <summary>Seeds the demo data unless it is there already.</summary>
    /// <param name="output">Where to print what a newcomer needs (addresses, passwords).</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    Task SeedAsync(TextWriter output, CancellationToken cancellationToken);
}
