namespace Passerelle.ActiveSync.Wbxml;

/// <summary>Parses a whole WBXML document into a tree of <see cref="WbxmlElement"/>, for request handlers.</summary>
public static class WbxmlDocument
{
    /// <summary>Parses a document.</summary>
    /// <returns>The root element.</returns>
    /// <exception cref="WbxmlException">The document is malformed or past the limits.</exception>
    public static WbxmlElement Parse(ReadOnlyMemory<byte> bytes, WbxmlReaderOptions? options = null)
    {
        var reader = new WbxmlReader(bytes.Span, options);
        var open = new Stack<WbxmlElement>();
        WbxmlElement? root = null;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case WbxmlTokenType.StartElement:
                    var element = new WbxmlElement(reader.Tag);
                    if (open.TryPeek(out var parent))
                    {
                        parent.Add(element);
                    }
                    else
                    {
                        root = element;
                    }

                    if (reader.HasContent)
                    {
                        open.Push(element);
                    }

                    break;
                case WbxmlTokenType.EndElement:
                    open.Pop();
                    break;
                case WbxmlTokenType.Text:
                    open.Peek().AppendText(reader.ValueSpan);
                    break;
                case WbxmlTokenType.Opaque:
                    var start = reader.BytesConsumed - reader.ValueSpan.Length;
                    open.Peek().SetOpaque(bytes.Slice(start, reader.ValueSpan.Length));
                    break;
            }
        }

        return root ?? throw new WbxmlException("the document has no element", reader.BytesConsumed);
    }
}
