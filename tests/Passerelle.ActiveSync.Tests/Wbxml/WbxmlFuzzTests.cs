using System.Diagnostics;
using Passerelle.ActiveSync.Tests.Corpus;
using Passerelle.ActiveSync.Wbxml;
using Xunit.Abstractions;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>
/// Random mutations of the corpus (bit flips, truncations, insertions, duplications, deletions,
/// token overwrites) with a fixed seed: every case parses or throws WbxmlException, nothing else;
/// it finishes in bounded time and allocates in proportion to its input.
/// </summary>
public sealed class WbxmlFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 120_000;
    private const int Seed = 20240718;

    // WBXML global tokens and mb_u_int32 continuation bytes, the likeliest to confuse a parser.
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x7F, 0x80, 0x83, 0xC0, 0xC3, 0xFF];

    private static readonly WbxmlReaderOptions s_tightLimits = new() { MaxDepth = 6, MaxStringLength = 40, MaxOpaqueLength = 40, MaxDocumentSize = 4096 };

    [Fact]
    public void Mutations_OfTheCorpus_ParseOrThrowWbxmlExceptionOnly()
    {
        var seeds = CorpusFiles.All.Select(f => WbxmlXml.FromXml(CorpusFiles.Read(f))).ToArray();
        var random = new Random(Seed);
        var failures = new List<string>();
        var (parsed, rejected) = (0, 0);
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < Cases; i++)
        {
            var input = Mutate(seeds[random.Next(seeds.Length)], random);
            var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
            try
            {
                Exercise(input, i);
                parsed++;
            }
            catch (WbxmlException)
            {
                rejected++;
            }
            catch (Exception e)
            {
                failures.Add($"case {i}: {e.GetType().Name}: {e.Message} input {Convert.ToHexString(input.AsSpan(0, Math.Min(input.Length, 64)))}");
            }

            // The tree and the XML hold copies of strings; anything far beyond the input size is a leak or a blow-up.
            var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
            if (allocated > (64L * input.Length) + (256 * 1024))
            {
                failures.Add($"case {i}: allocated {allocated} bytes for {input.Length} bytes of input");
            }
        }

        output.WriteLine($"{Cases} cases from {seeds.Length} corpus documents: {parsed} parsed, {rejected} rejected, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(Cases, parsed + rejected);
        Assert.InRange(parsed, Cases / 100, Cases - (Cases / 10));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(45), $"took {clock.Elapsed}");
    }

    // Rotates through the three ways callers decode: the tree, the reader with Skip and values, the XML renderer.
    private static void Exercise(byte[] input, int i)
    {
        var options = i % 2 == 0 ? default : s_tightLimits;
        switch (i % 3)
        {
            case 0:
                WbxmlDocument.Parse(input, options);
                break;
            case 1:
                ReadEverything(input, options, skipEvery: 1 + (i % 5));
                break;
            default:
                WbxmlXml.ToXml(input, options);
                break;
        }
    }

    private static void ReadEverything(byte[] input, WbxmlReaderOptions options, int skipEvery)
    {
        var reader = new WbxmlReader(input, options);
        var tokens = 0;
        while (reader.Read())
        {
            tokens++;
            switch (reader.TokenType)
            {
                case WbxmlTokenType.StartElement when tokens % skipEvery == 0:
                    reader.Skip();
                    break;
                case WbxmlTokenType.Text:
                    reader.TryGetInt32(out _);
                    _ = reader.GetString();
                    break;
                case WbxmlTokenType.Opaque:
                    _ = reader.ValueSpan.Length;
                    break;
            }
        }
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new List<byte>(seed);
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.RemoveRange(at, data.Count - at);
                    break;
                case 2:
                    data.InsertRange(at, Enumerable.Range(0, 1 + random.Next(8)).Select(_ => (byte)random.Next(256)));
                    break;
                case 3 when data.Count > 0:
                    var length = Math.Min(1 + random.Next(32), data.Count - at);
                    data.InsertRange(at, data.GetRange(at, length));
                    break;
                case 4 when data.Count > 0:
                    data.RemoveRange(at, Math.Min(1 + random.Next(8), data.Count - at));
                    break;
                case 5 when data.Count > 0:
                    data[at] = s_interesting[random.Next(s_interesting.Length)];
                    break;
                case 6 when data.Count > 0:
                    data[at] = (byte)random.Next(256);
                    break;
            }
        }

        return data.ToArray();
    }
}
