using System.Buffers;
using System.Buffers.Binary;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Duban.Domain.Audit;

/// <summary>What one audit entry says, as the chain hashes it.</summary>
public sealed record AuditRecord(
    long Id, int? RegionId, DateTime At, int? ActorId, string ActorName, string EntityType, int EntityId, string Action, string? Before, string? After);

/// <summary>A sealed entry as stored: its place in its region's chain, the hash it was given, and what it says.</summary>
public sealed record SealedRecord(long Sequence, string Hash, AuditRecord Record);

public enum ChainBreakKind
{
    /// <summary>The entry no longer hashes to what it was sealed with: its content, its place or its hash was changed.</summary>
    Altered,

    /// <summary>Sequence numbers jump: the entry at <see cref="ChainBreak.Sequence"/> (and maybe more) was deleted.</summary>
    Missing,

    /// <summary>The chain does not hold the anchored hash at the anchored place: rewritten from there or before.</summary>
    AnchorMismatch,
}

/// <summary>The first place where the chain does not hold; <see cref="EntryId"/> is null when the entry is gone.</summary>
public sealed record ChainBreak(ChainBreakKind Kind, long Sequence, long? EntryId);

/// <summary>A head hash written down outside the database, to be found again at the same place later.</summary>
public sealed record ChainAnchor(long Sequence, string Hash)
{
    /// <summary>"SEQUENCE:HASH", as the verification prints a head.</summary>
    public static ChainAnchor? Parse(string? text)
    {
        var parts = text?.Trim().Split(':');
        return parts is [var sequence, var hash]
            && long.TryParse(sequence, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0
            && hash.Length == 64 && hash.All(char.IsAsciiHexDigit)
            ? new ChainAnchor(n, hash.ToLowerInvariant())
            : null;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Sequence}:{Hash}");
}

/// <summary>
/// How far a chain holds: <see cref="VerifiedThrough"/> is the last sequence whose entry and every entry before it
/// hash as sealed; <see cref="HeadHash"/> is that entry's hash (what to anchor).
/// </summary>
public sealed record ChainReport(long VerifiedThrough, string? HeadHash, ChainBreak? Break)
{
    public bool Intact => Break is null;
}

/// <summary>
/// The audit trail as a hash chain, one per region (docs/decisions/0015): entry n's hash is SHA-256 over its
/// canonical content, its sequence number and entry n−1's hash. Editing, deleting or moving an entry breaks
/// every link after it.
/// </summary>
public static class AuditChain
{
    /// <summary>The "previous hash" of a chain's first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    private const string Version = "duban-audit-v1";

    /// <summary>
    /// The canonical form, hashed: each field as a 4-byte big-endian length and its UTF-8 bytes (length −1 for
    /// null), in this order: version, sequence, previous hash, id, region, instant (UTC, microseconds, ISO 8601),
    /// actor id, actor name, entity type, entity id, action, before, after. Numbers in invariant decimal.
    /// </summary>
    public static string Hash(long sequence, string previousHash, AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(previousHash);
        ArgumentNullException.ThrowIfNull(record);
        var buffer = new ArrayBufferWriter<byte>(256 + ((record.Before?.Length ?? 0) + (record.After?.Length ?? 0)) * 3);
        Field(buffer, Version);
        Field(buffer, Number(sequence));
        Field(buffer, previousHash);
        Field(buffer, Number(record.Id));
        Field(buffer, record.RegionId is { } region ? Number(region) : null);
        Field(buffer, Instant(record.At));
        Field(buffer, record.ActorId is { } actor ? Number(actor) : null);
        Field(buffer, record.ActorName);
        Field(buffer, record.EntityType);
        Field(buffer, Number(record.EntityId));
        Field(buffer, record.Action);
        Field(buffer, record.Before);
        Field(buffer, record.After);
        return Convert.ToHexStringLower(SHA256.HashData(buffer.WrittenSpan));
    }

    /// <summary>Links entries not yet in the chain after its head, in the order given.</summary>
    public static IReadOnlyList<(long Sequence, string Hash)> Seal(long headSequence, string headHash, IEnumerable<AuditRecord> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var links = new List<(long, string)>();
        var (sequence, hash) = (headSequence, headHash);
        foreach (var record in records)
        {
            sequence++;
            hash = Hash(sequence, hash, record);
            links.Add((sequence, hash));
        }

        return links;
    }

    public static ChainReport Verify(IEnumerable<SealedRecord> chain, ChainAnchor? anchor = null)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var walk = new Walk(anchor);
        foreach (var entry in chain)
        {
            if (!walk.Step(entry))
            {
                break;
            }
        }

        return walk.Report();
    }

    /// <summary>The same walk over entries read one at a time from the database, in sequence order.</summary>
    public static async Task<ChainReport> VerifyAsync(IAsyncEnumerable<SealedRecord> chain, ChainAnchor? anchor = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(chain);
        var walk = new Walk(anchor);
        await foreach (var entry in chain.WithCancellation(ct))
        {
            if (!walk.Step(entry))
            {
                break;
            }
        }

        return walk.Report();
    }

    private sealed class Walk(ChainAnchor? anchor)
    {
        private long sequence;
        private string hash = Genesis;
        private ChainBreak? broken;

        public bool Step(SealedRecord entry)
        {
            if (entry.Sequence != sequence + 1)
            {
                // Lower or equal means two entries claim one place: one of them was moved there.
                broken = entry.Sequence > sequence + 1
                    ? new ChainBreak(ChainBreakKind.Missing, sequence + 1, null)
                    : new ChainBreak(ChainBreakKind.Altered, entry.Sequence, entry.Record.Id);
                return false;
            }

            if (!string.Equals(Hash(entry.Sequence, hash, entry.Record), entry.Hash, StringComparison.Ordinal))
            {
                broken = new ChainBreak(ChainBreakKind.Altered, entry.Sequence, entry.Record.Id);
                return false;
            }

            if (anchor is not null && entry.Sequence == anchor.Sequence && !string.Equals(entry.Hash, anchor.Hash, StringComparison.Ordinal))
            {
                broken = new ChainBreak(ChainBreakKind.AnchorMismatch, entry.Sequence, entry.Record.Id);
                return false;
            }

            (sequence, hash) = (entry.Sequence, entry.Hash);
            return true;
        }

        public ChainReport Report()
        {
            // A chain that ends before the anchored entry has lost its tail.
            if (broken is null && anchor is not null && sequence < anchor.Sequence)
            {
                broken = new ChainBreak(ChainBreakKind.Missing, sequence + 1, null);
            }

            return new ChainReport(sequence, sequence == 0 ? null : hash, broken);
        }
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Instant(DateTime at)
    {
        var utc = at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
        return RegionClock.Stored(utc).ToString("yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", CultureInfo.InvariantCulture);
    }

    private static void Field(ArrayBufferWriter<byte> buffer, string? value)
    {
        var length = value is null ? -1 : Encoding.UTF8.GetByteCount(value);
        BinaryPrimitives.WriteInt32BigEndian(buffer.GetSpan(4), length);
        buffer.Advance(4);
        if (length > 0)
        {
            Encoding.UTF8.GetBytes(value, buffer.GetSpan(length));
            buffer.Advance(length);
        }
    }
}
