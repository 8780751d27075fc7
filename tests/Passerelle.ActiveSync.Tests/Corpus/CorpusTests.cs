using System.Text.RegularExpressions;
using System.Xml.Linq;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Tests.Corpus;

/// <summary>The corpus itself: what it covers, how its files are named, and our codec's round trip over it.</summary>
public sealed partial class CorpusTests
{
    private static readonly string[] s_commands =
    [
        "Sync", "FolderSync", "FolderCreate", "FolderUpdate", "FolderDelete", "GetItemEstimate", "Ping", "Provision",
        "ItemOperations", "MoveItems", "MeetingResponse", "Search", "Settings", "SendMail", "SmartReply", "SmartForward",
        "ResolveRecipients", "ValidateCert", "Find",
    ];

    private static readonly byte[] s_classPages =
    [
        Email.Number, Email2.Number, Contacts.Number, Contacts2.Number, Calendar.Number, Tasks.Number, Notes.Number,
        RightsManagement.Number, DocumentLibrary.Number,
    ];

    public static TheoryData<string> Files => CorpusFiles.Names;

    [Fact]
    public void Corpus_HasRequestsAndResponsesOfEveryCommand()
    {
        var roots = CorpusFiles.All.Select(f => (File: f, Root: Root(f).Name.LocalName)).ToList();

        Assert.True(roots.Count >= 30, $"{roots.Count} files");
        foreach (var command in s_commands)
        {
            Assert.Contains(roots, r => r.Root == command && r.File.EndsWith(".request.xml", StringComparison.Ordinal));
        }

        foreach (var command in s_commands.Except(["SmartReply"]))
        {
            Assert.Contains(roots, r => r.Root == command && r.File.EndsWith(".response.xml", StringComparison.Ordinal));
        }
    }

    [Fact]
    public void Corpus_UsesEveryClassPage()
    {
        var pages = CorpusFiles.All.SelectMany(f => Root(f).DescendantsAndSelf()).Select(e => Tag(e).Page).ToHashSet();

        Assert.All(s_classPages, page => Assert.Contains(page, pages));
    }

    [Fact]
    public void Corpus_HasBothProvisionPhasesAndMailboxGalAndDocumentLibrarySearches()
    {
        var provisionRequests = CorpusFiles.All.Where(f => f.EndsWith(".request.xml", StringComparison.Ordinal))
            .Select(Root).Where(r => r.Name.LocalName == "Provision").ToList();
        var policies = provisionRequests.SelectMany(r => r.Descendants()).Where(e => e.Name.LocalName == "Policy").ToList();
        Assert.Contains(policies, p => !p.Elements().Any(e => e.Name.LocalName == "PolicyKey"));
        Assert.Contains(policies, p => p.Elements().Any(e => e.Name.LocalName == "PolicyKey") && p.Elements().Any(e => e.Name.LocalName == "Status"));

        var stores = CorpusFiles.All.Select(Root).Where(r => r.Name.LocalName == "Search")
            .SelectMany(r => r.Descendants()).Where(e => e.Name.LocalName == "Name").Select(e => e.Value).ToHashSet();
        Assert.Equal(["DocumentLibrary", "GAL", "Mailbox"], stores.Order());
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void FileName_SaysDeviceVersionAndCommand(string file)
    {
        var match = FileNamePattern().Match(file);

        Assert.True(match.Success, file);
        Assert.StartsWith(Root(file).Name.LocalName.ToLowerInvariant(), match.Groups["command"].Value, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void OurCodec_EncodesAndRendersTheFileBackToTheSameText(string file)
    {
        var xml = CorpusFiles.Read(file).ReplaceLineEndings("\n");

        var bytes = WbxmlXml.FromXml(xml);

        Assert.Equal(xml, WbxmlXml.ToXml(bytes));
        Assert.Equal(bytes, WbxmlXml.FromXml(WbxmlXml.ToXml(bytes)));
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void OurTree_ReadsEveryElementAndValueOfTheFile(string file)
    {
        var expected = Root(file);

        var actual = WbxmlDocument.Parse(WbxmlXml.FromXml(CorpusFiles.Read(file)));

        AssertSame(expected, actual);
    }

    private static void AssertSame(XElement expected, WbxmlElement actual)
    {
        Assert.Equal(Tag(expected), actual.Tag);
        var children = expected.Elements().ToList();
        Assert.Equal(children.Count, actual.Children.Count);
        if (children.Count == 0)
        {
            var isOpaque = (string?)expected.Attribute("opaque") == "base64";
            Assert.Equal(isOpaque ? null : NullIfEmpty(expected.Value), actual.Text);
            Assert.Equal(isOpaque ? expected.Value : null, actual.Opaque is { } o ? Convert.ToBase64String(o.Span) : null);
        }

        for (var i = 0; i < children.Count; i++)
        {
            AssertSame(children[i], actual.Children[i]);
        }
    }

    private static string? NullIfEmpty(string value) => value.Length == 0 ? null : value;

    private static XElement Root(string file) => XElement.Parse(CorpusFiles.Read(file));

    private static WbxmlTag Tag(XElement element) =>
        WbxmlCodePages.TryGetTag(element.Name.NamespaceName, element.Name.LocalName, out var tag) ? tag : throw new InvalidOperationException(element.Name.ToString());

    [GeneratedRegex(@"^(?<device>[a-z]+)-(?<version>\d+\.\d+)/(?<command>[a-z0-9]+(-[a-z0-9]+)*)\.(request|response)\.xml$")]
    private static partial Regex FileNamePattern();
}
