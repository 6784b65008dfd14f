using Duban.Web.Setup;

namespace Duban.Web.Features.Attachments;

/// <summary>The seam to where attachment bytes live. Local disk by default, outside the web root.</summary>
public interface IFileStore
{
    Task SaveAsync(string key, Stream content, CancellationToken ct);

    /// <summary>The stored bytes, or null when nothing is stored under the key (a file lost from disk is a 404, not a 500).</summary>
    Stream? OpenRead(string key);

    void Delete(string key);
}

public sealed class LocalFileStore(DatabaseOptions database, IConfiguration config) : IFileStore
{
    private readonly string root = Path.GetFullPath(config["Duban:FileStore"] ?? Path.Combine(database.DataDirectory, "files"));

    public async Task SaveAsync(string key, Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        var path = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
    }

    public Stream? OpenRead(string key)
    {
        var path = PathOf(key);
        return File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
    }

    public void Delete(string key)
    {
        var path = PathOf(key);
        if (File.Exists(path))
        {
            File.Delete(path);
        }
    }

    // Keys are made by the app ("region/year/guid.ext"); this only guards against one that would leave the root.
    private string PathOf(string key)
    {
        var path = Path.GetFullPath(Path.Combine(root, key));
        return path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal) ? path : throw new ArgumentException("Bad storage key.", nameof(key));
    }
}

/// <summary>A file a person uploaded, as the use case sees it (from a form or the API).</summary>
public sealed record UploadedFile(string FileName, long Length, Func<Stream> Open)
{
    public static UploadedFile From(IFormFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        return new(file.FileName, file.Length, file.OpenReadStream);
    }
}
