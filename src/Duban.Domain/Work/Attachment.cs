namespace Duban.Domain.Work;

/// <summary>A photo or document attached to a progress report. The bytes live in the file store, not the database.</summary>
public sealed class Attachment : IRegionOwned, IAudited
{
    public int Id { get; set; }
    public int RegionId { get; set; }
    public int ProgressReportId { get; set; }
    public int WorkItemId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string StorageKey { get; set; }
    public required string Sha256 { get; set; }
    public DateTime UploadedAt { get; set; }
}

/// <summary>
/// What may be attached: photos and the office documents units actually send, recognised by their first
/// bytes and not only by their name, up to a size. A renamed executable is not a photo.
/// </summary>
public static class AttachmentRules
{
    public const long MaxBytes = 10 * 1024 * 1024;
    public const int MaxFiles = 5;

    private static readonly Dictionary<string, (string ContentType, byte[][] Signatures)> Kinds = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".jpeg"] = ("image/jpeg", [[0xFF, 0xD8, 0xFF]]),
        [".png"] = ("image/png", [[0x89, 0x50, 0x4E, 0x47]]),
        [".pdf"] = ("application/pdf", [[0x25, 0x50, 0x44, 0x46]]),
        [".docx"] = ("application/vnd.openxmlformats-officedocument.wordprocessingml.document", [[0x50, 0x4B, 0x03, 0x04]]),
        [".xlsx"] = ("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", [[0x50, 0x4B, 0x03, 0x04]]),
        [".doc"] = ("application/msword", [[0xD0, 0xCF, 0x11, 0xE0]]),
        [".xls"] = ("application/vnd.ms-excel", [[0xD0, 0xCF, 0x11, 0xE0]]),
    };

    public static IReadOnlyCollection<string> Extensions => Kinds.Keys;

    /// <summary>The content type to store, or null when the name or the bytes are not an allowed kind.</summary>
    public static string? Recognise(string fileName, ReadOnlySpan<byte> head)
    {
        var extension = Path.GetExtension(fileName);
        if (!Kinds.TryGetValue(extension, out var kind))
        {
            return null;
        }

        foreach (var signature in kind.Signatures)
        {
            if (head.Length >= signature.Length && head[..signature.Length].SequenceEqual(signature))
            {
                return kind.ContentType;
            }
        }

        return null;
    }

    /// <summary>A name safe to show and to send back: no folders, no control characters, not too long.</summary>
    public static string SafeName(string fileName)
    {
        var name = Path.GetFileName(fileName.Replace('\\', '/'));
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or ':' or '*' or '?' or '<' or '>' or '|')).ToArray());
        return name.Length <= 120 ? name : name[..60] + "…" + name[^59..];
    }
}
