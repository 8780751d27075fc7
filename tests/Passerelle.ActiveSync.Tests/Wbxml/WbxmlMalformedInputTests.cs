using Passerelle.ActiveSync.Wbxml;
using static Passerelle.ActiveSync.Tests.Wbxml.WbxmlTestData;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>Every malformed or over-limit input gives a WbxmlException with the offset of the problem.</summary>
public sealed class WbxmlMalformedInputTests
{
    public static TheoryData<string, string, long> Cases => new()
    {
        { "", "Empty document", 0 },
        { "00 01 6A 00 45 01", "Unsupported WBXML version", 0 },
        { "03 01 04 00 45 01", "Unsupported charset", 2 },
        { "03 01 6A 05 41", "string table", 3 },
        { "03 01 6A 00", "ends before its root", 4 },
        { "03 01 6A 00 45 4B 03 31", "ends inside a string", 6 },
        { "03 01 6A 00 45 4B 03 31 00 01", "ends before its root", 10 },
        { "03 01 6A 00 00 1A 45 01", "Unknown code page 26", 5 },
        { "03 01 6A 00 00", "ends inside SWITCH_PAGE", 4 },
        { "03 01 6A 00 7F 01", "Unknown token 0x3F on code page 0", 4 },
        { "03 01 6A 00 00 03 1D 01", "Unknown token 0x1D on code page 3", 6 },
        { "03 01 6A 00 45 C3 90 80 80 80 00 01", "larger than 32 bits", 6 },
        { "03 01 6A 00 45 C3 80 80 80 80 80 01 01", "longer than 5 bytes", 6 },
        { "03 01 6A 00 45 C3 85", "ends inside a multi-byte integer", 6 },
        { "03 01 6A 00 45 C3 05 41 42 01", "ends inside opaque data", 5 },
        { "03 01 6A 00 45 02 41 01", "Unsupported WBXML token 0x02", 5 },
        { "03 01 6A 00 45 C0 01", "Unsupported WBXML token 0xC0", 5 },
        { "03 01 6A 00 C5 01 01", "has attributes", 4 },
        { "03 01 6A 00 01", "END without an open element", 4 },
        { "03 01 6A 00 03 41 00", "outside the root", 4 },
        { "03 01 6A 00 45 01 45 01", "after the root", 6 },
        { "03 01 6A 00 45 01 01", "after the root", 6 },
        { "03 01 6A 00 05 05", "after the root", 5 },
        { "03 01 6A 00 45 83 00 01", "outside the table", 5 },
        { "03 01 6A 02 41 42 45 83 00 01", "without its terminator", 4 },
        { "03 00 07 6A 00 45 01", "Public identifier reference", 1 },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Parse_MalformedInput_ThrowsWbxmlExceptionWithOffset(string hex, string message, long offset)
    {
        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(FromHex(hex)));

        Assert.Contains(message, exception.Message, StringComparison.OrdinalIgnoreCase);
        Assert.Equal(offset, exception.Offset);
        Assert.Contains($"at byte {offset}", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_EveryTruncationOfAGoldenVector_ThrowsWbxmlException()
    {
        foreach (var name in GoldenNames)
        {
            var bytes = GoldenBytes(name);
            for (var length = 0; length < bytes.Length; length++)
            {
                var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(bytes.AsMemory(0, length)));
                Assert.InRange(exception.Offset, 0, length);
            }
        }
    }

    [Fact]
    public void Parse_NestingDeeperThanMaxDepth_Throws()
    {
        var options = new WbxmlReaderOptions { MaxDepth = 3 };
        byte[] threeDeep = Document(0x45, 0x5C, 0x4F, 0x01, 0x01, 0x01);
        byte[] fourDeep = Document(0x45, 0x5C, 0x4F, 0x13, 0x01, 0x01, 0x01);

        Assert.Equal(3, Depth(WbxmlDocument.Parse(threeDeep, options)));
        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(fourDeep, options));
        Assert.Contains("deeper than the limit of 3", exception.Message, StringComparison.Ordinal);
        Assert.Equal(7, exception.Offset);
    }

    [Fact]
    public void Parse_DefaultMaxDepth_RejectsAThousandNestedElements()
    {
        var body = Enumerable.Repeat((byte)0x5C, 1000).Concat(Enumerable.Repeat((byte)0x01, 1000)).ToArray();

        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Document(body)));

        Assert.Equal(4 + WbxmlReaderOptions.DefaultMaxDepth, exception.Offset);
    }

    [Fact]
    public void Parse_StringLongerThanMaxStringLength_Throws()
    {
        var options = new WbxmlReaderOptions { MaxStringLength = 4 };

        Assert.Equal("abcd", WbxmlDocument.Parse(Document([0x45, 0x03, .. "abcd"u8, 0x00, 0x01]), options).Text);
        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Document([0x45, 0x03, .. "abcde"u8, 0x00, 0x01]), options));
        Assert.Contains("limit of 4 bytes", exception.Message, StringComparison.Ordinal);
        Assert.Equal(5, exception.Offset);
    }

    [Fact]
    public void Parse_OpaqueLongerThanMaxOpaqueLength_Throws()
    {
        var options = new WbxmlReaderOptions { MaxOpaqueLength = 2 };

        Assert.Equal(2, WbxmlDocument.Parse(Document(0x45, 0xC3, 0x02, 0x41, 0x42, 0x01), options).Opaque!.Value.Length);
        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(Document(0x45, 0xC3, 0x03, 0x41, 0x42, 0x43, 0x01), options));
        Assert.Contains("limit of 2", exception.Message, StringComparison.Ordinal);
        Assert.Equal(5, exception.Offset);
    }

    [Fact]
    public void Parse_DocumentLargerThanMaxDocumentSize_Throws()
    {
        var options = new WbxmlReaderOptions { MaxDocumentSize = 10 };

        var exception = Assert.Throws<WbxmlException>(() => WbxmlDocument.Parse(GoldenBytes("foldersync-request"), options));

        Assert.Equal(10, exception.Offset);
    }

    [Fact]
    public void Int_ChildThatIsNotANumber_ThrowsWbxmlExceptionAtTheChild()
    {
        var root = WbxmlDocument.Parse(Document(0x45, 0x4B, 0x03, (byte)'x', 0x00, 0x01, 0x01));

        var exception = Assert.Throws<WbxmlException>(() => root.Int(Passerelle.ActiveSync.Wbxml.CodePages.AirSync.SyncKey));

        Assert.Equal(5, exception.Offset);
    }

    private static int Depth(WbxmlElement element) => 1 + (element.Children.Count == 0 ? 0 : element.Children.Max(Depth));
}
