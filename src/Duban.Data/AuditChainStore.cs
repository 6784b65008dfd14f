using System.Data.Common;
using System.Runtime.CompilerServices;
using Duban.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Duban.Data;

/// <summary>
/// Seals committed audit entries into their region's hash chain and reads a chain back for verification.
/// Sealing is the one UPDATE of an audit row anywhere in the code, and the database triggers allow it only
/// once per entry and only on the chain columns (docs/decisions/0015).
/// </summary>
public static class AuditChainStore
{
    private const int Batch = 1_000;

    // Any constant both nodes agree on; "dubanAUD" in ASCII.
    private const long SealLock = 0x647562616E415544;

    // On SQLite the app is the only writer; this keeps its job and an on-demand seal from taking the same head.
    private static readonly SemaphoreSlim OneSealer = new(1, 1);

    /// <summary>
    /// Chains every unsealed entry (of one region, or of all when <paramref name="onlyRegion"/> is null) in id
    /// order after its region's head. An entry that commits late with a lower id simply gets a later sequence.
    /// Returns how many were sealed.
    /// </summary>
    public static async Task<int> SealAsync(DubanDb db, int? onlyRegion, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (db.Database.CurrentTransaction is not null)
        {
            throw new InvalidOperationException("Sealing runs in its own transaction, after the entries have committed.");
        }

        await OneSealer.WaitAsync(ct);
        try
        {
            var total = 0;
            while (true)
            {
                var sealedNow = await SealBatchAsync(db, onlyRegion, ct);
                total += sealedNow;
                if (sealedNow < Batch)
                {
                    return total;
                }
            }
        }
        finally
        {
            OneSealer.Release();
        }
    }

    private static async Task<int> SealBatchAsync(DubanDb db, int? onlyRegion, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        if (postgres)
        {
            // Single writer across nodes; released when the transaction ends.
            await db.Database.ExecuteSqlRawAsync("SELECT pg_advisory_xact_lock({0})", [SealLock], ct);
        }

        var unsealed = db.AuditEntries.IgnoreQueryFilters().AsNoTracking().Where(a => a.ChainSequence == null);
        if (onlyRegion is { } region)
        {
            unsealed = unsealed.Where(a => a.RegionId == region);
        }

        var rows = await unsealed.OrderBy(a => a.Id).Take(Batch).ToListAsync(ct);
        if (rows.Count == 0)
        {
            return 0;
        }

        var links = new List<(long Id, long Sequence, string Hash)>(rows.Count);
        foreach (var chain in rows.GroupBy(r => r.RegionId))
        {
            var head = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
                .Where(a => a.RegionId == chain.Key && a.ChainSequence != null)
                .OrderByDescending(a => a.ChainSequence)
                .Select(a => new { Sequence = a.ChainSequence!.Value, a.ChainHash })
                .FirstOrDefaultAsync(ct);
            var entries = chain.ToList();
            var sealedLinks = AuditChain.Seal(head?.Sequence ?? 0, head?.ChainHash ?? AuditChain.Genesis, entries.Select(e => e.ToRecord()));
            links.AddRange(entries.Zip(sealedLinks, (e, l) => (e.Id, l.Sequence, l.Hash)));
        }

        var updated = postgres ? await UpdatePostgresAsync(db, links, ct) : await UpdateEachAsync(db, links, ct);
        if (updated != links.Count)
        {
            // Another sealer got there first (it cannot on one node, nor across nodes under the lock); leave it to the next round.
            await transaction.RollbackAsync(ct);
            return 0;
        }

        await transaction.CommitAsync(ct);
        return rows.Count;
    }

    private static async Task<int> UpdatePostgresAsync(DubanDb db, List<(long Id, long Sequence, string Hash)> links, CancellationToken ct)
    {
        await using var command = Command(db, """
            UPDATE "AuditEntries" AS a SET "ChainSequence" = v.s, "ChainHash" = v.h
            FROM unnest(@ids, @sequences, @hashes) AS v(id, s, h)
            WHERE a."Id" = v.id AND a."ChainSequence" IS NULL
            """);
        Parameter(command, "ids", links.Select(l => l.Id).ToArray());
        Parameter(command, "sequences", links.Select(l => l.Sequence).ToArray());
        Parameter(command, "hashes", links.Select(l => l.Hash).ToArray());
        return await command.ExecuteNonQueryAsync(ct);
    }

    private static async Task<int> UpdateEachAsync(DubanDb db, List<(long Id, long Sequence, string Hash)> links, CancellationToken ct)
    {
        // In process, one prepared statement per row costs microseconds.
        await using var command = Command(db, """
            UPDATE "AuditEntries" SET "ChainSequence" = @s, "ChainHash" = @h WHERE "Id" = @id AND "ChainSequence" IS NULL
            """);
        var id = Parameter(command, "id", 0L);
        var sequence = Parameter(command, "s", 0L);
        var hash = Parameter(command, "h", string.Empty);
        var updated = 0;
        foreach (var link in links)
        {
            (id.Value, sequence.Value, hash.Value) = (link.Id, link.Sequence, link.Hash);
            updated += await command.ExecuteNonQueryAsync(ct);
        }

        return updated;
    }

    /// <summary>One region's chain (the region-less entries' when null), in sequence order, read as it streams.</summary>
    public static async IAsyncEnumerable<SealedRecord> ReadAsync(DubanDb db, int? regionId, [EnumeratorCancellation] CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var chain = db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.RegionId == regionId && a.ChainSequence != null)
            .OrderBy(a => a.ChainSequence)
            .AsAsyncEnumerable()
            .WithCancellation(ct);
        await foreach (var entry in chain)
        {
            yield return new SealedRecord(entry.ChainSequence!.Value, entry.ChainHash ?? string.Empty, entry.ToRecord());
        }
    }

    private static DbCommand Command(DubanDb db, string sql)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = sql;
        command.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        return command;
    }

    private static DbParameter Parameter(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
