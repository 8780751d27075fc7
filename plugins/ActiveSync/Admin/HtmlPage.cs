using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Passerelle.ActiveSync.Admin;

/// <summary>
/// Server-rendered pages: every value is HTML-encoded (device names, models and user agents come from phones),
/// every form carries the antiforgery token, and no script runs (the Content-Security-Policy forbids it).
/// </summary>
internal sealed class HtmlPage(HttpContext http, string title)
{
    private readonly StringBuilder _body = new();

    public HttpContext Http => http;

    /// <summary>Encodes text for HTML.</summary>
    public static string E(object? value) => HtmlEncoder.Default.Encode(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "");

    /// <summary>Appends markup; the caller encodes every value with <see cref="E"/>.</summary>
    public HtmlPage Raw(string html)
    {
        _body.Append(html);
        return this;
    }

    public HtmlPage Heading(string text) => Raw($"<h1>{E(text)}</h1>\n");

    public HtmlPage Paragraph(string text, string? css = null) => Raw($"<p{(css is null ? "" : $" class=\"{css}\"")}>{E(text)}</p>\n");

    /// <summary>A message carried over a redirect (<c>?done=...</c> or <c>?error=...</c>).</summary>
    public HtmlPage Notices()
    {
        if (http.Request.Query["done"].ToString() is { Length: > 0 } done)
        {
            Paragraph(done, "done");
        }

        if (http.Request.Query["error"].ToString() is { Length: > 0 } error)
        {
            Paragraph(error, "error");
        }

        return this;
    }

    /// <summary>A table: a header row, then rows of cells already rendered as HTML.</summary>
    public HtmlPage Table(IEnumerable<string> headers, IEnumerable<IEnumerable<string>> rows, string? id = null)
    {
        Raw($"<table{(id is null ? "" : $" id=\"{E(id)}\"")}><thead><tr>");
        foreach (var header in headers)
        {
            Raw($"<th>{E(header)}</th>");
        }

        Raw("</tr></thead><tbody>\n");
        foreach (var row in rows)
        {
            Raw("<tr>" + string.Concat(row.Select(cell => $"<td>{cell}</td>")) + "</tr>\n");
        }

        return Raw("</tbody></table>\n");
    }

    /// <summary>A POST form with the antiforgery token; <paramref name="fields"/> is markup whose values the caller encoded.</summary>
    public string Form(string action, string button, string fields = "", string? css = null, string? name = null)
    {
        var tokens = http.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);
        return $"<form method=\"post\" action=\"{E(action)}\"{(css is null ? "" : $" class=\"{css}\"")}>" +
               $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">" +
               fields +
               $"<button type=\"submit\"{(name is null ? "" : $" name=\"{E(name)}\"")}>{E(button)}</button></form>";
    }

    public static string Link(string href, string text) => $"<a href=\"{E(href)}\">{E(text)}</a>";

    public static string Input(string name, string label, string value = "", string type = "text", bool required = false) =>
        $"<label>{E(label)} <input type=\"{type}\" name=\"{E(name)}\" value=\"{E(value)}\"{(required ? " required" : "")}></label> ";

    public static string Select(string name, string label, IEnumerable<string> options, string? selected = null) =>
        $"<label>{E(label)} <select name=\"{E(name)}\">" +
        string.Concat(options.Select(o => $"<option value=\"{E(o)}\"{(o == selected ? " selected" : "")}>{E(o.Length == 0 ? "(any)" : o)}</option>")) +
        "</select></label> ";

    public IResult Result(IReadOnlyList<(string Href, string Text)> navigation, string? signedIn, int status = StatusCodes.Status200OK)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "no-referrer";
        headers.CacheControl = "no-store";
        var nav = string.Concat(navigation.Select(item => Link(item.Href, item.Text) + " "));
        var who = signedIn is null ? "" : $"<span class=\"who\">{E(signedIn)}</span> " + Form("/logout", "Sign out", css: "inline");
        var html = $$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · Passerelle</title>
            <style>
            body{font-family:system-ui,sans-serif;margin:0;color:#222} header{background:#234;color:#fff;padding:.6em 1em}
            header a{color:#fff;margin-right:1em} main{padding:1em} table{border-collapse:collapse;margin:.5em 0}
            td,th{border:1px solid #ccc;padding:.25em .5em;text-align:left;vertical-align:top} form{margin:.3em 0}
            form.inline{display:inline} .done{color:#060} .error{color:#a00} .who{margin-left:2em} pre{white-space:pre-wrap}
            </style></head>
            <body><header>{{nav}}{{who}}</header><main>
            {{_body}}</main></body></html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", System.Text.Encoding.UTF8, status);
    }
}
