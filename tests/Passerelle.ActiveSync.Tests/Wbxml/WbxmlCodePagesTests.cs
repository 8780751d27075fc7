using System.Reflection;
using Passerelle.ActiveSync.Wbxml;
using Passerelle.ActiveSync.Wbxml.CodePages;

namespace Passerelle.ActiveSync.Tests.Wbxml;

public sealed class WbxmlCodePagesTests
{
    private static readonly string[] s_classNames =
    [
        "AirSync", "Contacts", "Email", "AirNotify", "Calendar", "Move", "ItemEstimate", "FolderHierarchy",
        "MeetingResponse", "Tasks", "ResolveRecipients", "ValidateCert", "Contacts2", "Ping", "Provision",
        "Search", "Gal", "AirSyncBase", "Settings", "DocumentLibrary", "ItemOperations", "ComposeMail",
        "Email2", "Notes", "RightsManagement", "Find",
    ];

    public static TheoryData<string> ClassNames => new(s_classNames);

    [Fact]
    public void Registry_EveryRowOfTheSpecTable_IsDefinedWithItsNameAndNamespace()
    {
        var rows = SpecRows();

        Assert.Equal(654, rows.Count);
        foreach (var row in rows)
        {
            var tag = new WbxmlTag(row.Page, row.Token);
            Assert.Equal(row.Name, WbxmlCodePages.GetName(tag));
            Assert.Equal(row.Namespace, WbxmlCodePages.GetNamespace(row.Page));
            Assert.True(WbxmlCodePages.TryGetTag(row.Namespace, row.Name, out var found));
            Assert.Equal(tag, found);
        }

        Assert.Equal(rows.Count, WbxmlCodePages.AllTags.Count);
    }

    [Theory]
    [MemberData(nameof(ClassNames))]
    public void CodePageClass_EveryField_IsTheRegisteredTagOfItsName(string className)
    {
        var type = typeof(AirSync).Assembly.GetType("Passerelle.ActiveSync.Wbxml.CodePages." + className);
        Assert.NotNull(type);
        var page = (byte)type.GetField("Number")!.GetValue(null)!;
        Assert.Equal(Array.IndexOf(s_classNames, className), page);

        var fields = type.GetFields(BindingFlags.Public | BindingFlags.Static).Where(f => f.FieldType == typeof(WbxmlTag)).ToList();
        Assert.Equal(WbxmlCodePages.AllTags.Count(t => t.Page == page), fields.Count);
        foreach (var field in fields)
        {
            var tag = (WbxmlTag)field.GetValue(null)!;
            var expectedName = field.Name == className + "Tag" ? className : field.Name;
            Assert.Equal(page, tag.Page);
            Assert.Equal(expectedName, WbxmlCodePages.GetName(tag));
        }
    }

    [Fact]
    public void CodePageClasses_NamesCollidingWithTheClass_AreSuffixedWithTag()
    {
        Assert.Equal("Ping", Ping.PingTag.Name);
        Assert.Equal("Provision", Provision.ProvisionTag.Name);
        Assert.Equal("Find", Find.FindTag.Name);
        Assert.Equal(new WbxmlTag(14, 0x0D), Provision.EASProvisionDoc);
        Assert.Equal(new WbxmlTag(6, 0x05), ItemEstimate.GetItemEstimate);
    }

    [Theory]
    [InlineData("AirSync:", 0)]
    [InlineData("AirSync", 0)]
    [InlineData("GAL:", 16)]
    [InlineData("Gal:", 16)]
    [InlineData("GetItemEstimate:", 6)]
    [InlineData("Find:", 25)]
    public void TryGetPage_ColonAndXsdFormsAndLibwbxmlCase_FindThePage(string ns, byte page)
    {
        Assert.True(WbxmlCodePages.TryGetPage(ns, out var found));
        Assert.Equal(page, found);
    }

    [Fact]
    public void GetName_UndefinedTagOrPage_IsNull()
    {
        Assert.Null(WbxmlCodePages.GetName(new WbxmlTag(0, 0x3F)));
        Assert.Null(WbxmlCodePages.GetName(new WbxmlTag(26, 0x05)));
        Assert.False(WbxmlCodePages.TryGetTag("Nope:", "Sync", out _));
        Assert.Equal("AirSync:SyncKey", AirSync.SyncKey.ToString());
    }

    internal sealed record SpecRow(byte Page, string Namespace, byte Token, string Name, string OtherNames);

    internal static IReadOnlyList<SpecRow> SpecRows() =>
        File.ReadLines(WbxmlTestData.PathOf("Wbxml", "wbxml-codepages.tsv"))
            .Skip(1)
            .Select(line => line.Split('\t'))
            .Select(c => new SpecRow(byte.Parse(c[0]), c[2], Convert.ToByte(c[3], 16), c[4], c[9]))
            .ToList();
}
