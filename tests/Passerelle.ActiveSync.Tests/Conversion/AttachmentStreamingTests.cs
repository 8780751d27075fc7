using MimeKit;
using Passerelle.ActiveSync.Conversion.Email;

namespace Passerelle.ActiveSync.Tests.Conversion;

/// <summary>Measures the process's allocations, so it runs alone.</summary>
[CollectionDefinition(nameof(AttachmentStreamingTests), DisableParallelization = true)]
[Collection(nameof(AttachmentStreamingTests))]
public sealed class AttachmentStreamingTests
{
    [Fact]
    public async Task Locator_LargeAttachment_IsStreamedNotLoaded()
    {
        var payload = new byte[12 * 1024 * 1024];
        new Random(7).NextBytes(payload);
        var message = new MimeMessage { Subject = "Big file" };
        message.From.Add(MailboxAddress.Parse("a@example.org"));
        var builder = new BodyBuilder { TextBody = "Attached." };
        builder.Attachments.Add("big.bin", payload, new ContentType("application", "octet-stream"));
        message.Body = builder.ToMessageBody();
        var path = Path.Combine(Path.GetTempPath(), Path.GetRandomFileName());
        try
        {
            await using (var file = File.Create(path))
            {
                await message.WriteToAsync(file);
            }

            await using var stored = File.OpenRead(path);
            var before = GC.GetTotalAllocatedBytes(precise: true);
            await using var content = await AttachmentLocator.OpenAsync(stored, 0, CancellationToken.None);
            var read = await CountAsync(content!.Content);
            var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;

            Assert.Equal(payload.Length, read);
            Assert.Equal(payload.Length, content.Length);
            Assert.True(allocated < payload.Length / 4, $"opening and reading allocated {allocated} bytes");
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static async Task<long> CountAsync(Stream stream)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await stream.ReadAsync(buffer)) > 0)
        {
            total += read;
        }

        return total;
    }
}
