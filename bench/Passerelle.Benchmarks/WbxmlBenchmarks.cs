using System.Buffers;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Passerelle.ActiveSync.Wbxml;

namespace Passerelle.Benchmarks;

/// <summary>Encode and decode of a 1 MB Sync response (200 emails with HTML bodies).</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class WbxmlBenchmarks
{
    private static readonly SyncResponseSample s_sample = new();
    private static readonly byte[] s_document = s_sample.ToArray();
    private readonly ArrayBufferWriter<byte> _output = new(s_document.Length + 4096);

    [Benchmark(Description = "Decode: WbxmlReader over every token")]
    public int Read()
    {
        var reader = new WbxmlReader(s_document);
        var checksum = 0;
        while (reader.Read())
        {
            checksum += reader.ValueSpan.Length + (int)reader.TokenType;
        }

        return checksum;
    }

    [Benchmark(Description = "Decode: WbxmlDocument.Parse (tree, strings)")]
    public WbxmlElement Parse() => WbxmlDocument.Parse(s_document);

    [Benchmark(Description = "Encode: WbxmlWriter to an IBufferWriter")]
    public int Write()
    {
        _output.ResetWrittenCount();
        using (var writer = new WbxmlWriter(_output))
        {
            s_sample.Write(writer);
        }

        return _output.WrittenCount;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new ThroughputColumn(s_document.Length));
    }
}
