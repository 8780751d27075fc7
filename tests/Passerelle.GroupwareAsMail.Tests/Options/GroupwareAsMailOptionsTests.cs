namespace Passerelle.GroupwareAsMail.Tests.Options;

public sealed class GroupwareAsMailOptionsTests
{
    [Fact]
    public void Defaults_WriteNothing_AndAreValid()
    {
        var options = new GroupwareAsMailOptions();

        Assert.False(options.WriteToImap);
        Assert.Empty(options.Validate());
    }

    [Theory]
    [InlineData("00:00:00")]
    [InlineData("-00:00:01")]
    public void Validate_WriteIntervalNotPositive_IsAnError(string interval)
    {
        var options = new GroupwareAsMailOptions { WriteInterval = TimeSpan.Parse(interval, System.Globalization.CultureInfo.InvariantCulture) };

        Assert.Contains(options.Validate(), error => error.StartsWith("WriteInterval", StringComparison.Ordinal));
    }
}
