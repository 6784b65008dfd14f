using Duban.Data;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.Notices;

/// <summary>Who is told about a work item: the accounts of its lead unit, and of its named leader and liaison.</summary>
public static class Inbox
{
    public static Task<List<int>> RecipientsAsync(DubanDb db, WorkItem item, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(item);
        return db.Users.IgnoreQueryFilters()
            .Where(a => a.RegionId == item.RegionId && (a.UnitId == item.LeadUnitId || (a.PersonId != null && (a.PersonId == item.LeaderId || a.PersonId == item.LiaisonId))))
            .Select(a => a.Id)
            .ToListAsync(ct);
    }

    /// <summary>Adds the messages whose dedup key is not there yet; returns how many were new.</summary>
    public static async Task<int> AddAsync(DubanDb db, IReadOnlyList<Message> messages, QueueDeliveries? queue, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(messages);
        if (messages.Count == 0)
        {
            return 0;
        }

        var keys = messages.Select(m => m.DedupKey).ToList();
        var existing = (await db.Messages.IgnoreQueryFilters().Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(ct)).ToHashSet(StringComparer.Ordinal);
        var fresh = messages.Where(m => existing.Add(m.DedupKey)).ToList();
        db.Messages.AddRange(fresh);
        await db.SaveChangesAsync(ct);
        if (queue is not null)
        {
            await queue.EnqueueAsync(fresh, ct);
        }

        return fresh.Count;
    }
}
