using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

public sealed record BulkAssignInput
{
    public IReadOnlyList<int>? TaskIds { get; init; }

    /// <summary>Each field left empty keeps what every task has.</summary>
    public int? LeadUnitId { get; init; }

    public int? LeaderId { get; init; }
    public int? LiaisonId { get; init; }
}

/// <summary>The office hands several tasks at once to a lead unit, a leader or a liaison — all or none.</summary>
public sealed class BulkAssign(DubanDb db, WorkContext work, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    public const int MaxTasks = 500;

    public async Task<Outcome<int>> RunAsync(BulkAssignInput input, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(Permission.Reassign);
        var errors = new ValidationErrors();
        var ids = (input.TaskIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
        {
            errors.Add(nameof(BulkAssignInput.TaskIds), l["Bulk.NoneSelected"]);
        }
        else if (ids.Count > MaxTasks)
        {
            errors.Add(nameof(BulkAssignInput.TaskIds), l["Bulk.TooMany", MaxTasks]);
        }

        if (input.LeadUnitId is null && input.LeaderId is null && input.LiaisonId is null)
        {
            errors.Add(string.Empty, l["Bulk.NothingToChange"]);
        }

        var unit = input.LeadUnitId is null ? null : await db.Units.VisibleTo(scope).FirstOrDefaultAsync(u => u.Id == input.LeadUnitId, ct);
        if (input.LeadUnitId is not null && unit is null)
        {
            errors.Add(nameof(BulkAssignInput.LeadUnitId), l["Units.NotFound"]);
        }

        foreach (var (personId, field) in new[] { (input.LeaderId, nameof(BulkAssignInput.LeaderId)), (input.LiaisonId, nameof(BulkAssignInput.LiaisonId)) })
        {
            if (personId is not null && !await db.People.AnyAsync(p => p.Id == personId && p.RegionId == scope.RegionId, ct))
            {
                errors.Add(field, l["People.NotFound"]);
            }
        }

        var items = errors.Any ? [] : await db.WorkItems.VisibleTo(db, scope).Where(w => ids.Contains(w.Id)).ToListAsync(ct);
        if (!errors.Any && items.Count != ids.Count)
        {
            // One unknown or foreign id spoils the batch: nothing half-assigned.
            return Outcome<int>.NotFound();
        }

        foreach (var item in items)
        {
            scope.Demand(Permission.Reassign, item);
        }

        if (items.Any(w => w.Status == WorkItemStatus.Closed))
        {
            errors.Add(nameof(BulkAssignInput.TaskIds), l["Bulk.Closed"]);
        }

        if (errors.Any)
        {
            return Outcome<int>.Invalid(errors);
        }

        foreach (var item in items)
        {
            if (unit is not null)
            {
                item.LeadUnitId = unit.Id;
                item.LeadUnitPath = unit.Path;
            }

            item.LeaderId = input.LeaderId ?? item.LeaderId;
            item.LiaisonId = input.LiaisonId ?? item.LiaisonId;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        await lights.RunAsync(scope.RegionId, null, ct);
        await transaction.CommitAsync(ct);
        return Outcome<int>.Ok(items.Count);
    }
}
