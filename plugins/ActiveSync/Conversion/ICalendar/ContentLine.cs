using System.Text;

namespace Passerelle.ActiveSync.Conversion.ICalendar;

/// <summary>
/// One content line of iCalendar or vCard (RFC 5545 3.1, RFC 6350 3.3): NAME;PARAM=VALUE:value, unfolded.
/// Values are kept raw; <see cref="Text"/> unescapes TEXT values.
/// </summary>
internal sealed record ContentLine(string Name, IReadOnlyDictionary<string, string> Parameters, string Value)
{
    public string? Parameter(string name) => Parameters.GetValueOrDefault(name);

    /// <summary>The value as TEXT: \n, \, \; and \\ unescaped.</summary>
    public string Text => Unescape(Value);

    public static IEnumerable<ContentLine> ReadAll(string document)
    {
        // RFC 5545 3.1: a line starting with a space or tab continues the previous one.
        var unfolded = new List<StringBuilder>();
        foreach (var raw in document.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n'))
        {
            if (raw.Length > 0 && (raw[0] == ' ' || raw[0] == '\t') && unfolded.Count > 0)
            {
                unfolded[^1].Append(raw, 1, raw.Length - 1);
            }
            else if (raw.Length > 0)
            {
                unfolded.Add(new StringBuilder(raw));
            }
        }

        foreach (var line in unfolded)
        {
            if (Parse(line.ToString()) is { } parsed)
            {
                yield return parsed;
            }
        }
    }

    public static string Escape(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(";", "\\;", StringComparison.Ordinal)
            .Replace(",", "\\,", StringComparison.Ordinal).Replace("\r\n", "\\n", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    public static string Unescape(string text)
    {
        if (!text.Contains('\\', StringComparison.Ordinal))
        {
            return text;
        }

        var result = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length)
            {
                i++;
                result.Append(text[i] is 'n' or 'N' ? '\n' : text[i]);
            }
            else
            {
                result.Append(text[i]);
            }
        }

        return result.ToString();
    }

    /// <summary>Splits on a separator not escaped with a backslash (CATEGORIES, N, ADR).</summary>
    public static IReadOnlyList<string> SplitEscaped(string value, char separator)
    {
        var parts = new List<string>();
        var current = new StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length)
            {
                current.Append(value, i, 2);
                i++;
            }
            else if (value[i] == separator)
            {
                parts.Add(Unescape(current.ToString()));
                current.Clear();
            }
            else
            {
                current.Append(value[i]);
            }
        }

        parts.Add(Unescape(current.ToString()));
        return parts;
    }

    private static ContentLine? Parse(string line)
    {
        // The value starts at the first colon outside a quoted parameter value.
        var quoted = false;
        var colon = -1;
        for (var i = 0; i < line.Length && colon < 0; i++)
        {
            if (line[i] == '"')
            {
                quoted = !quoted;
            }
            else if (line[i] == ':' && !quoted)
            {
                colon = i;
            }
        }

        if (colon <= 0)
        {
            return null;
        }

        var head = line[..colon].Split(';');
        var name = head[0];
        var group = name.IndexOf('.', StringComparison.Ordinal);
        if (group >= 0)
        {
            name = name[(group + 1)..]; // vCard groups (item1.EMAIL)
        }

        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var parameter in head.Skip(1))
        {
            var equals = parameter.IndexOf('=', StringComparison.Ordinal);
            var key = equals < 0 ? "TYPE" : parameter[..equals];
            var value = equals < 0 ? parameter : parameter[(equals + 1)..].Trim('"');
            parameters[key] = parameters.TryGetValue(key, out var earlier) ? earlier + "," + value : value;
        }

        return new ContentLine(name.ToUpperInvariant(), parameters, line[(colon + 1)..]);
    }
}

/// <summary>Writes content lines folded at 75 octets (RFC 5545 3.1), with CRLF.</summary>
internal sealed class ContentWriter
{
    private readonly StringBuilder _output = new();

    public ContentWriter Line(string name, string value, params (string Name, string? Value)[] parameters)
    {
        var line = new StringBuilder(name);
        foreach (var (key, parameterValue) in parameters)
        {
            if (parameterValue is not null)
            {
                var needsQuotes = parameterValue.IndexOfAny([':', ';', ',']) >= 0;
                line.Append(';').Append(key).Append('=').Append(needsQuotes ? $"\"{parameterValue}\"" : parameterValue);
            }
        }

        line.Append(':').Append(value);
        Fold(line.ToString());
        return this;
    }

    public ContentWriter Text(string name, string? value, params (string Name, string? Value)[] parameters) =>
        string.IsNullOrEmpty(value) ? this : Line(name, ContentLine.Escape(value), parameters);

    public override string ToString() => _output.ToString();

    private void Fold(string line)
    {
        var bytes = 0;
        var start = 0;
        for (var i = 0; i < line.Length; i++)
        {
            var size = Encoding.UTF8.GetByteCount(line.AsSpan(i, char.IsHighSurrogate(line[i]) && i + 1 < line.Length ? 2 : 1));
            if (bytes + size > (start == 0 ? 75 : 74))
            {
                _output.Append(line, start, i - start).Append("\r\n ");
                start = i;
                bytes = 0;
            }

            bytes += size;
            if (char.IsHighSurrogate(line[i]))
            {
                i++;
            }
        }

        _output.Append(line, start, line.Length - start).Append("\r\n");
    }
}
