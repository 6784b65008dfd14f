using Duban.Data;
using Duban.Domain.Work;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Bench;

/// <summary>
/// The province's work: 100,000 tasks spread over its 2,000 units in 20 ledgers, 3 milestones a task
/// (300,000) and 10 progress reports a task (1,000,000), with dates, progress and cadences spread so
/// that every light occurs.
/// </summary>
public static class LoopGenerator
{
    public static async Task<(int Tasks, int Milestones, int Reports)> GenerateAsync(IServiceProvider services, int tasks = 100_000)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var region = await db.Regions.IgnoreQueryFilters().SingleAsync(r => r.Code == "990000");
        if (await db.WorkItems.IgnoreQueryFilters().AnyAsync(w => w.RegionId == region.Id))
        {
            return (await db.WorkItems.IgnoreQueryFilters().CountAsync(), await db.Milestones.IgnoreQueryFilters().CountAsync(), await db.ProgressReports.IgnoreQueryFilters().CountAsync());
        }

        var units = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == region.Id).OrderBy(u => u.Id).Select(u => new { u.Id, u.Path }).ToListAsync();
        var leaders = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == region.Id && p.IsLeader).Select(p => p.Id).ToListAsync();
        var liaisons = await db.People.IgnoreQueryFilters().Where(p => p.RegionId == region.Id && p.Title == "联络员").GroupBy(p => p.UnitId).Select(g => new { g.Key, Id = g.Min(p => p.Id) }).ToDictionaryAsync(x => x.Key, x => x.Id);
        var ledgers = Enumerable.Range(1, 20).Select(i => new Ledger { RegionId = region.Id, Name = $"2026年重点工作任务清单（第{i}批）", Year = 2026 }).ToList();
        db.Ledgers.AddRange(ledgers);
        await db.SaveChangesAsync();

        var random = new Random(2026);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var now = DateTime.UtcNow;
        var firstId = (await db.WorkItems.IgnoreQueryFilters().MaxAsync(w => (int?)w.Id) ?? 0) + 1;
        var statuses = new[] { WorkItemStatus.InProgress, WorkItemStatus.InProgress, WorkItemStatus.InProgress, WorkItemStatus.InProgress, WorkItemStatus.Closed, WorkItemStatus.NotStarted, WorkItemStatus.Paused };
        var cadences = new[] { CadenceKind.Weekly, CadenceKind.Weekly, CadenceKind.Biweekly, CadenceKind.Monthly, CadenceKind.Quarterly, CadenceKind.None };
        var items = new List<object?[]>(tasks);
        var milestones = new List<object?[]>(tasks * 3);
        for (var i = 0; i < tasks; i++)
        {
            var id = firstId + i;
            var unit = units[i % units.Count];
            var start = today.AddDays(-random.Next(30, 300));
            DateOnly? deadline = random.Next(8) == 0 ? null : today.AddDays(random.Next(-20, 200));
            var cadence = cadences[random.Next(cadences.Length)];
            var status = statuses[random.Next(statuses.Length)];
            items.Add([
                id, region.Id, ledgers[i % ledgers.Count].Id, null, $"/{id}/", "Task", (i % 500 + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                $"重点任务{id}：推进第{i % 97 + 1}类项目建设", null, "Document", "政府工作报告", null, null, null, null,
                unit.Id, unit.Path, leaders.Count == 0 ? null : leaders[i % leaders.Count], liaisons.GetValueOrDefault(unit.Id),
                start, deadline, start.DayNumber, deadline?.DayNumber,
                cadence.ToString(), cadence is CadenceKind.Weekly or CadenceKind.Biweekly ? 5 : 25, 15,
                cadence == CadenceKind.None ? null : now.AddHours(random.Next(-24 * 40, 24 * 10)),
                null, status.ToString(), random.Next(0, 101), now.AddDays(-random.Next(0, 30)),
                null, null, "Grey", "NotStarted", null, null, null, null, "Grey", null, null,
                status == WorkItemStatus.Closed ? today.AddDays(-random.Next(1, 60)) : null, 0, 0, now,
            ]);
            for (var m = 0; m < 3; m++)
            {
                var due = start.AddDays(30 + m * 60 + random.Next(0, 30));
                milestones.Add([region.Id, id, $"节点{m + 1}", due, due < today && random.Next(3) > 0 ? due : null, m]);
            }
        }

        await BulkLoader.LoadAsync(db, "WorkItems", WorkItemColumns, items);
        await BulkLoader.ResetSequenceAsync(db, "WorkItems");
        await BulkLoader.LoadAsync(db, "Milestones", ["RegionId", "WorkItemId", "Name", "Due", "DoneOn", "SortOrder"], milestones);
        var reports = Enumerable.Range(0, tasks).SelectMany(i => Enumerable.Range(0, 10).Select(r => new object?[]
        {
            region.Id, firstId + i, now.AddDays(-7 * (10 - r)), now.AddDays(-7 * (10 - r)), "联络员", "按计划推进，本周完成阶段工作。", r * 10, null, null, null, r % 7 == 0,
        }));
        await BulkLoader.LoadAsync(db, "ProgressReports", ["RegionId", "WorkItemId", "PeriodDueAt", "SubmittedAt", "SubmittedByName", "Done", "Percent", "Problems", "ProblemCause", "NextSteps", "IsLate"], reports);
        await db.Database.ExecuteSqlRawAsync("ANALYZE");

        return (tasks, milestones.Count, tasks * 10);
    }

    private static readonly string[] WorkItemColumns =
    [
        "Id", "RegionId", "LedgerId", "ParentId", "Path", "Kind", "Number", "Name", "Content", "SourceKind", "SourceTitle", "SourceDocNumber", "SourceDate", "TargetValue", "TargetUnit",
        "LeadUnitId", "LeadUnitPath", "LeaderId", "LiaisonId", "StartDate", "Deadline", "StartDay", "DeadlineDay",
        "CadenceKind", "CadenceDay", "CadenceHour", "NextReportDueAt", "Tags", "Status", "Percent", "LastReportAt",
        "NextMilestoneDue", "NextMilestoneName", "Light", "LightReason", "LightReasonDate", "LightReasonText", "LightReasonNumber", "LightSince", "PreviousLight", "ExemptUntil", "ExemptReason",
        "ClosedOn", "ExtensionCount", "AdjustmentCount", "CreatedAt",
    ];
}
