using System.Collections.Concurrent;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Tasks;

/// <summary>
/// Ids for new work items reserved ahead from PostgreSQL's identity sequence, twenty at a time, so that a new
/// task is written with its path, its rows and its audit entries in one batch instead of waiting for the
/// database to hand out its id. The sequence is shared by every node; ids left unused when a node stops are
/// gaps, as after any rolled-back insert. SQLite has no sequence: there the database assigns the id.
/// </summary>
public sealed class WorkItemIds
{
    private const int Block = 20;
    private readonly ConcurrentQueue<int> reserved = new();

    public async Task<int?> NextAsync(DubanDb db, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (!db.Database.IsNpgsql())
        {
            return null;
        }

        if (reserved.TryDequeue(out var id))
        {
            return id;
        }

        var block = await db.Database.SqlQueryRaw<int>(
            "SELECT nextval(pg_get_serial_sequence('\"WorkItems\"', 'Id'))::int AS \"Value\" FROM generate_series(1, {0})", Block).ToListAsync(ct);
        foreach (var next in block.Skip(1))
        {
            reserved.Enqueue(next);
        }

        return block[0];
    }
}
