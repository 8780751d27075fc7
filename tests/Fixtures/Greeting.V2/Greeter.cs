namespace Fixtures.Greeting;

public static class Greeter
{
    // v2 changed the signature: a plugin built against v1 would fail to bind to this one.
    public static string Greet(string name, string punctuation = "!") => $"Bonjour, {name}{punctuation} (v2)";
}
