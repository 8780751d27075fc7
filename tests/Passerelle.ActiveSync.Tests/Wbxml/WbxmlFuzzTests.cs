using System.Diagnostics;
using Passerelle.ActiveSync.Tests.Corpus;
using Passerelle.ActiveSync.Wbxml;
using Xunit.Abstractions;

namespace Passerelle.ActiveSync.Tests.Wbxml;

/// <summary>
/// Random mutations of the corpus (bit flips, truncations, insertions, duplications, deletions,
/// token overwrites) with a fixed seed: every case parses or throws WbxmlException, nothing else;
/// it finishes (a hang fails the test) and allocates in proportion to its input.
/// </summary>
public sealed class WbxmlFuzzTests(ITestOutputHelper output)
{
    private const int Cases = 120_000;
    private const int Seed = 20240718;

    // WBXML global tokens and mb_u_int32 continuation bytes, the likeliest to confuse a parser.
    private static readonly byte[] s_interesting = [0x00, 0x01, 0x02, 0x03, 0x04, 0x40, 0x43, 0x7F, 0x80, 0x83, 0xC0, 0xC3, 0xFF];

    private static readonly WbxmlReaderOptions s_tightLimits = new() { MaxDepth = 6, MaxStringLength = 40, MaxOpaqueLength = 40, MaxDocumentSize = 4096 };

    // Far above the few seconds a run takes, even on a loaded 2-core machine: only a hang reaches it.
    private static readonly TimeSpan s_hangLimit = TimeSpan.FromMinutes(2);

    [Fact]
    public void Mutations_OfTheCorpus_ParseOrThrowWbxmlExceptionOnly()
    {
        var seeds = CorpusFiles.All.Select(f => WbxmlXml.FromXml(CorpusFiles.Read(f))).ToArray();
        var failures = new List<string>();
        var (parsed, rejected) = (0, 0);
        var clock = Stopwatch.StartNew();

        // On a thread of its own, so that a hang fails the test instead of stalling the run.
        var worker = new Thread(() => (parsed, rejected) = RunCases(seeds, failures)) { IsBackground = true };
        worker.Start();

        Assert.True(worker.Join(s_hangLimit), $"the cases did not finish within {s_hangLimit}: a hang");
        output.WriteLine($"{Cases} cases from {seeds.Length} corpus documents: {parsed} parsed, {rejected} rejected, {clock.Elapsed.TotalSeconds:F1} s");
        Assert.True(failures.Count == 0, string.Join('\n', failures.Take(20)));
        Assert.Equal(Cases, parsed + rejected);
        Assert.InRange(parsed, Cases / 100, Cases - (Cases / 10));
    }

    private static (int Parsed, int Rejected) RunCases(byte[][] seeds, List<string> failures)
    {
        var random = new Random(Seed);
        var (parsed, rejected) = (0, 0);
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

        return (parsed, rejected);
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
        var data = seed;
        var mutations = 1 + random.Next(4);
        for (var m = 0; m < mutations; m++)
        {
            var at = data.Length == 0 ? 0 : random.Next(data.Length);
            var count = 1 + random.Next(8);
            data = (random.Next(7), data.Length) switch
            {
                (_, 0) => [.. data, (byte)random.Next(256)],
                (0, _) => Replace(data, at, (byte)(data[at] ^ (1 << random.Next(8)))),
                (1, _) => data[..at],
                (2, _) => [.. data.AsSpan(0, at), .. RandomBytes(random, count), .. data.AsSpan(at)],
                (3, _) => [.. data.AsSpan(0, at), .. data.AsSpan(at, Math.Min(count * 4, data.Length - at)), .. data.AsSpan(at)],
                (4, _) => [.. data.AsSpan(0, at), .. data.AsSpan(Math.Min(at + count, data.Length))],
                (5, _) => Replace(data, at, s_interesting[random.Next(s_interesting.Length)]),
                _ => Replace(data, at, (byte)random.Next(256)),
            };
        }

        return data;
    }

    private static byte[] Replace(byte[] data, int at, byte value)
    {
        var copy = (byte[])data.Clone();
        copy[at] = value;
        return copy;
    }

    private static byte[] RandomBytes(Random random, int count)
    {
        var bytes = new byte[count];
        random.NextBytes(bytes);
        return bytes;
    }
}
