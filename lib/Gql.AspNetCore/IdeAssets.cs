using System.Collections.Frozen;
using System.Net;
using System.Reflection;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Net.Http.Headers;

namespace Gql.AspNetCore;

/// <summary>
/// The Banana Cake Pop IDE files embedded in this assembly by <c>Ide/Ide.targets</c> (logical names
/// <c>GqlIde/&lt;path&gt;</c>), served below the GraphQL endpoint. When the build had no npm there are none, and the
/// page explains how to get them.
/// </summary>
internal sealed class IdeAssets
{
    private const string ResourcePrefix = "GqlIde/";
    private const string ConfigFile = "bcp-config.json";

    // Files of the npm package that are for Node.js, not for the browser.
    private static readonly FrozenSet<string> NodeOnlyFiles = new[] { "package.json", "index.cjs", "index.mjs", "index.d.cts", "index.d.mts", "README.md" }
        .ToFrozenSet(StringComparer.Ordinal);

    private static readonly FileExtensionContentTypeProvider ContentTypes = new();

    private readonly Assembly assembly;
    private readonly FrozenDictionary<string, Asset> assets;
    private readonly string? indexTemplate;

    private IdeAssets(Assembly assembly)
    {
        this.assembly = assembly;

        // The module version id changes with every build, so it tells browsers when embedded files may have changed.
        var version = assembly.ManifestModule.ModuleVersionId.ToString("N")[..16];
        var assets = new Dictionary<string, Asset>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }

            // MSBuild's %(RecursiveDir) uses backslashes on Windows.
            var path = name[ResourcePrefix.Length..].Replace('\\', '/');
            if (NodeOnlyFiles.Contains(path))
            {
                continue;
            }

            // An ETag only has to differ between versions of one URL, so the build's id serves all files.
            assets[path] = new Asset(name, GetContentType(path), $"\"{version}\"", IsImmutable(path));
        }

        this.assets = assets.ToFrozenDictionary(StringComparer.Ordinal);
        if (this.assets.TryGetValue("index.html", out var index))
        {
            using var stream = assembly.GetManifestResourceStream(index.ResourceName)!;
            using var reader = new StreamReader(stream, Encoding.UTF8);
            indexTemplate = reader.ReadToEnd();
        }
    }

    /// <summary>The assets of this assembly, read once.</summary>
    public static IdeAssets Instance { get; } = new(typeof(IdeAssets).Assembly);

    /// <summary>Whether the build embedded the IDE.</summary>
    public bool IsAvailable => indexTemplate is not null;

    /// <summary>Serves the IDE page for the endpoint at <paramref name="endpointPath"/> (path base included).</summary>
    public Task WriteIndexAsync(HttpContext context, string endpointPath, GraphQLIdeOptions options)
    {
        var response = context.Response;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache";
        response.Headers.XContentTypeOptions = "nosniff";

        // The page is served at the endpoint itself ("/graphql", no trailing slash), so relative asset URLs would
        // resolve against the parent path; a <base> makes them resolve below the endpoint instead of redirecting.
        var encodedBase = WebUtility.HtmlEncode(endpointPath.TrimEnd('/') + "/");
        var html = indexTemplate is null
            ? FallbackPage(options.Title)
            : indexTemplate
                .Replace("<head>", $"<head><base href=\"{encodedBase}\"/>", StringComparison.Ordinal)
                .Replace("<title>Banana Cake Pop</title>", $"<title>{WebUtility.HtmlEncode(options.Title)}</title>", StringComparison.Ordinal);
        return response.WriteAsync(html, Encoding.UTF8, context.RequestAborted);
    }

    /// <summary>Serves <c>{endpoint}/{path}</c>: a file of the IDE or its configuration; false when there is none.</summary>
    public async Task<bool> TryWriteAssetAsync(HttpContext context, string path, string endpointPath, GraphQLIdeOptions options)
    {
        var response = context.Response;
        if (path == "index.html")
        {
            // The service worker precaches index.html; it must get the page with our <base>, not the raw file.
            await WriteIndexAsync(context, endpointPath, options);
            return true;
        }

        if (path == ConfigFile && IsAvailable)
        {
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = "no-cache";
            await response.Body.WriteAsync(CreateConfig(endpointPath, options), context.RequestAborted);
            return true;
        }

        if (!assets.TryGetValue(path, out var asset))
        {
            return false;
        }

        response.Headers.ETag = asset.ETag;
        response.Headers.XContentTypeOptions = "nosniff";

        // Files with a content hash in their name never change; the others are revalidated with the ETag.
        response.Headers.CacheControl = asset.Immutable ? "public, max-age=31536000, immutable" : "no-cache";
        if (context.Request.Headers.IfNoneMatch.Count > 0 &&
            EntityTagHeaderValue.TryParseList(context.Request.Headers.IfNoneMatch, out var tags) &&
            tags.Any(t => t.Tag == "*" || t.Tag == asset.ETag))
        {
            response.StatusCode = StatusCodes.Status304NotModified;
            return true;
        }

        await using var stream = assembly.GetManifestResourceStream(asset.ResourceName)!;
        response.StatusCode = StatusCodes.Status200OK;
        response.ContentType = asset.ContentType;
        response.ContentLength = stream.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
        {
            await stream.CopyToAsync(response.Body, context.RequestAborted);
        }

        return true;
    }

    /// <summary>
    /// The settings the IDE fetches from <c>{page}/bcp-config.json</c>: our endpoint, and telemetry switched off
    /// (patient data must not leave the hospital, and neither should usage data about it).
    /// </summary>
    private static byte[] CreateConfig(string endpointPath, GraphQLIdeOptions options)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteBoolean("useBrowserUrlAsEndpoint", true);
            writer.WriteString("endpoint", endpointPath);
            writer.WriteBoolean("includeCookies", options.IncludeCookies);
            writer.WriteBoolean("useGet", options.UseGet);
            writer.WriteString("title", options.Title);
            if (options.Document is not null)
            {
                writer.WriteString("graphQLDocument", options.Document);
            }

            writer.WriteBoolean("disableTelemetry", true);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static string GetContentType(string path)
    {
        if (path.EndsWith("LICENSE", StringComparison.Ordinal) || path.EndsWith(".txt", StringComparison.Ordinal))
        {
            return "text/plain; charset=utf-8";
        }

        if (!ContentTypes.TryGetContentType(path, out var type))
        {
            return "application/octet-stream";
        }

        return type.StartsWith("text/", StringComparison.Ordinal) || type is "application/json" or "application/manifest+json"
            ? type + "; charset=utf-8"
            : type;
    }

    // The webpack build names every file under static/ after its content hash (main.0349187e.js).
    private static bool IsImmutable(string path) =>
        path.StartsWith("static/", StringComparison.Ordinal) && !path.EndsWith(".txt", StringComparison.Ordinal);

    private static string FallbackPage(string title) => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"/><title>{{WebUtility.HtmlEncode(title)}}</title>
        <style>body{font-family:system-ui,sans-serif;max-width:40em;margin:4em auto;line-height:1.5;color:#222}code{background:#eee;padding:0 .3em}</style>
        </head>
        <body>
        <h1>GraphQL endpoint</h1>
        <p>This endpoint serves GraphQL over HTTP: send <code>POST</code> requests with an <code>application/json</code> body.</p>
        <p>The Banana Cake Pop GraphQL IDE is not included in this build: its files are installed with npm when the
        server is built. To enable it, install <a href="https://nodejs.org/">Node.js</a> (with npm), make sure
        <code>npm</code> is on the <code>PATH</code>, and rebuild the server (<code>dotnet build</code>).</p>
        </body>
        </html>
        """;

    private sealed record Asset(string ResourceName, string ContentType, string ETag, bool Immutable);
}
