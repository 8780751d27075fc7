using System.Text;

namespace Passerelle.ActiveSync.Wbxml;

/// <summary>Parses a whole WBXML document into a <see cref="WbxmlElement"/> tree.</summary>
public static class WbxmlDocument
{
    /// <summary>Parses a document and returns its root element.</summary>
    /// <exception cref="WbxmlException">The input is malformed, truncated or passes a limit.</exception>
    public static WbxmlElement Parse(ReadOnlyMemory<byte> bytes, WbxmlReaderOptions? options = null)
    {
        var reader = new WbxmlReader(bytes.Span, options ?? default);
        var open = new Stack<Builder>();
        WbxmlElement? root = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case WbxmlTokenType.StartElement:
                    open.Push(new Builder(reader.Tag, reader.TokenStartIndex));
                    break;
                case WbxmlTokenType.Text:
                    open.Peek().AddText(reader.ValueSpan);
                    break;
                case WbxmlTokenType.Opaque:
                    // The opaque bytes end the token: share them instead of copying.
                    var length = reader.ValueSpan.Length;
                    open.Peek().AddOpaque(bytes.Slice((int)reader.BytesConsumed - length, length));
                    break;
                case WbxmlTokenType.EndElement:
                    var element = open.Pop().Build();
                    if (open.Count == 0)
                    {
                        root = element;
                    }
                    else
                    {
                        open.Peek().Children.Add(element);
                    }

                    break;
            }
        }

        return root!;
    }

    private sealed class Builder(WbxmlTag tag, long offset)
    {
        private StringBuilder? _textParts;
        private string? _text;
        private ReadOnlyMemory<byte>? _opaque;

        public List<WbxmlElement> Children { get; } = [];

        public void AddText(ReadOnlySpan<byte> utf8)
        {
            if (utf8.IsEmpty)
            {
                return;
            }

            var text = Encoding.UTF8.GetString(utf8);
            if (_text is null)
            {
                _text = text;
                return;
            }

            _textParts ??= new StringBuilder(_text);
            _textParts.Append(text);
        }

        public void AddOpaque(ReadOnlyMemory<byte> data)
        {
            if (data.IsEmpty)
            {
                return;
            }

            // Several OPAQUE tokens in one element are joined; EAS sends one.
            _opaque = _opaque is { } previous ? (byte[])[.. previous.Span, .. data.Span] : data;
        }

        public WbxmlElement Build()
        {
            var text = _textParts?.ToString() ?? _text;
            IReadOnlyList<WbxmlElement> children = Children.Count == 0 ? [] : Children.ToArray();
            return new WbxmlElement(tag, offset, children, text, _opaque);
        }
    }
}
