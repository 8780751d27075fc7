namespace Passerelle.ActiveSync.Check;

/// <summary>The steps of a connectivity check as they pass or fail, printed as they come.</summary>
internal sealed class CheckReport(TextWriter output)
{
    public bool Failed { get; private set; }

    /// <summary>The first failure's cause: what the command's error line says.</summary>
    public string? Cause { get; private set; }

    public void Pass(string step, string detail) => output.WriteLine($"  ok    {step}: {detail}");

    public void Note(string step, string detail) => output.WriteLine($"  note  {step}: {detail}");

    /// <summary>Records a failure with what to do about it; the check stops after it.</summary>
    public void Fail(string step, string detail, string fix)
    {
        output.WriteLine($"  FAIL  {step}: {detail}");
        output.WriteLine($"        fix: {fix}");
        Cause ??= $"{step}: {detail}";
        Failed = true;
    }
}
