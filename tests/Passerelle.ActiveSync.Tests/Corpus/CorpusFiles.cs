namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>The corpus: EAS requests and responses as XML, one folder per device and protocol version.</summary>
internal static class CorpusFiles
{
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "Corpus");

    /// <summary>Paths relative to the corpus folder, e.g. <c>ios-16.1/sync-email.response.xml</c>.</summary>
    public static IReadOnlyList<string> All { get; } =
        System.IO.Directory.EnumerateFiles(Directory, "*.xml", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(Directory, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal)
            .ToList();

    public static TheoryData<string> Names => new(All);

    public static string Read(string name) => File.ReadAllText(Path.Combine(Directory, name));
}
