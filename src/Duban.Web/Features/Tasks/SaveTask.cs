using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Domain.Work;
using Duban.Web.Features.Lights;
using Duban.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>
/// What a key project or a problem adds when its work item is saved: its kind, checks of its own, and what it
/// writes in the same transaction once the item has its id (before the light is computed).
/// </summary>
public sealed record WorkItemShape(WorkItemKind Kind, Func<ValidationErrors, Task> ValidateAsync, Func<WorkItem, bool, Task> ApplyAsync);

/// <summary>
/// The office creates or changes a task, its responsibility chain, dates, cadence and milestones. Projects and
/// problems are saved through here too, with a <see cref="WorkItemShape"/>: one mechanism for all work.
/// </summary>
public sealed class SaveTask(DubanDb db, WorkContext work, RecomputeLights lights, WorkItemIds ids, IMemoryCache cache, IStringLocalizer<SharedResource> l)
{
    /// <summary>A task created by the last call, as the API returns it (built from what was written, not read back).</summary>
    public TaskDetailDto? Created { get; private set; }

    public Task<Outcome<WorkItem>> RunAsync(int? id, TaskInput input, CancellationToken ct = default) => RunAsync(id, input, null, ct);

    public async Task<Outcome<WorkItem>> RunAsync(int? id, TaskInput input, WorkItemShape? shape, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var scope = await work.ScopeAsync(ct);
        scope.Demand(shape?.Kind switch { WorkItemKind.Problem => Permission.RaiseProblem, WorkItemKind.Lead => Permission.FollowLeads, _ => Permission.EditWork });
        WorkItem? item = null;
        if (id is not null)
        {
            item = await db.WorkItems.VisibleTo(db, scope).Include(w => w.Milestones).FirstOrDefaultAsync(w => w.Id == id, ct);
            // A lead or an indicator's target is changed through its own use case, never as a bare task.
            if (item is null || (shape is not null && item.Kind != shape.Kind) || (shape is null && item.Kind is WorkItemKind.Lead or WorkItemKind.Indicator))
            {
                return Outcome<WorkItem>.NotFound();
            }
        }

        var errors = new ValidationErrors();
        if (shape is not null)
        {
            await shape.ValidateAsync(errors);
        }

        var name = Text(input.Name, 500, nameof(TaskInput.Name), errors, required: true);
        var content = Text(input.Content, 4000, nameof(TaskInput.Content), errors);
        var number = Text(input.Number, 32, nameof(TaskInput.Number), errors);
        var sourceTitle = Text(input.SourceTitle, 300, nameof(TaskInput.SourceTitle), errors);
        var docNumber = Text(input.SourceDocNumber, 100, nameof(TaskInput.SourceDocNumber), errors);
        var targetUnit = Text(input.TargetUnit, 20, nameof(TaskInput.TargetUnit), errors);
        var tags = Text(input.Tags, 200, nameof(TaskInput.Tags), errors);
        if (input.TargetValue is not null && targetUnit is null)
        {
            errors.Add(nameof(TaskInput.TargetUnit), l["Tasks.TargetUnitRequired"]);
        }

        var ledgerId = item?.LedgerId ?? input.LedgerId;

        // What the checks (and a new task's light) need, in one round trip.
        var known = await LookupAsync(scope.RegionId, ledgerId, input.LeadUnitId, input.LeaderId, input.LiaisonId, ct);
        if (known.Ledger is null)
        {
            errors.Add(nameof(TaskInput.LedgerId), l["Tasks.LedgerNotFound"]);
        }

        WorkItem? parent = null;
        if (input.ParentId is { } parentId)
        {
            parent = await db.WorkItems.FirstOrDefaultAsync(w => w.Id == parentId && w.RegionId == scope.RegionId && w.LedgerId == ledgerId, ct);
            if (parent is null || (item is not null && parent.Path.StartsWith(item.Path, StringComparison.Ordinal)))
            {
                errors.Add(nameof(TaskInput.ParentId), l["Tasks.ParentInvalid"]);
            }
        }

        var lead = known.Lead is { } found && scope.CanSee(found) ? found : null;
        if (input.LeadUnitId is null)
        {
            errors.Add(nameof(TaskInput.LeadUnitId), l["Validation.Required"]);
        }
        else if (lead is null)
        {
            errors.Add(nameof(TaskInput.LeadUnitId), l["Units.NotFound"]);
        }

        var supportIds = (input.SupportingUnitIds ?? []).Where(u => u != input.LeadUnitId).Distinct().ToList();
        var support = supportIds.Count == 0 ? [] : await db.Units.Where(u => supportIds.Contains(u.Id) && u.RegionId == scope.RegionId).ToListAsync(ct);
        if (support.Count != supportIds.Count)
        {
            errors.Add(nameof(TaskInput.SupportingUnitIds), l["Units.NotFound"]);
        }

        if (input.LeaderId is not null && known.Leader is null)
        {
            errors.Add(nameof(TaskInput.LeaderId), l["People.NotFound"]);
        }

        if (input.LiaisonId is not null && known.Liaison is null)
        {
            errors.Add(nameof(TaskInput.LiaisonId), l["People.NotFound"]);
        }

        var start = input.StartDate ?? item?.StartDate ?? work.Today;
        var deadline = input.Deadline;
        if (deadline is null && input.DeadlineInWorkdays is { } workdays)
        {
            if (workdays is < 1 or > 1000)
            {
                errors.Add(nameof(TaskInput.DeadlineInWorkdays), l["Tasks.WorkdaysRange"]);
            }
            else
            {
                deadline = (await CalendarAsync(scope.RegionId, known, ct)).AddWorkdays(start, workdays);
            }
        }

        if (deadline < start)
        {
            errors.Add(nameof(TaskInput.Deadline), l["Tasks.DeadlineBeforeStart"]);
        }

        var cadence = Cadence(input);
        if (!cadence.IsValid(out var cadenceError))
        {
            errors.Add(nameof(TaskInput.CadenceDay), l[cadenceError!]);
        }

        // A form shows a few empty milestone rows; an empty row (or a null in a list) is not a milestone. Errors keep the row's number.
        var rows = (input.Milestones ?? []).Select((m, row) => (m, row))
            .Where(x => x.m is not null && (x.m.Id is not null || !string.IsNullOrWhiteSpace(x.m.Name) || x.m.Due is not null))
            .ToList();
        var milestones = rows.Select(x => x.m).ToList();
        foreach (var (m, i) in rows)
        {
            if (string.IsNullOrWhiteSpace(m.Name) || m.Name.Trim().Length > 300)
            {
                errors.Add($"Milestones[{i}].Name", string.IsNullOrWhiteSpace(m.Name) ? l["Validation.Required"] : l["Validation.MaxLength", 300]);
            }

            if (m.Due is null)
            {
                errors.Add($"Milestones[{i}].Due", l["Validation.Required"]);
            }
            else if (deadline is not null && m.Due > deadline)
            {
                errors.Add($"Milestones[{i}].Due", l["Tasks.MilestoneAfterDeadline"]);
            }

            if (m.Id is not null && item?.Milestones.All(x => x.Id != m.Id) != false)
            {
                errors.Add($"Milestones[{i}].Id", l["Validation.Invalid"]);
            }
        }

        if (errors.Any)
        {
            return Outcome<WorkItem>.Invalid(errors);
        }

        var isNew = item is null;

        // A new task is lit here, by the rules of the domain (the same rules the recompute applies in the database,
        // held together by a test), and written with its path, supporting units, light history and audit entries
        // in two round trips. Projects and problems write more once the item has its id, and edits change what
        // other rows depend on: they go the longer way, with the recompute in the database.
        var quick = isNew && shape is null;
        // A caller that writes more with the item (a lead landing as a project) holds the transaction itself.
        var ambient = db.Database.CurrentTransaction is not null;
        await using var transaction = quick || ambient ? null : await db.Database.BeginTransactionAsync(ct);
        item ??= new WorkItem { RegionId = scope.RegionId, LedgerId = ledgerId!.Value, Name = name!, CreatedAt = work.UtcNow, Kind = shape?.Kind ?? WorkItemKind.Task };
        var rescheduled = isNew || item.Cadence != cadence || item.StartDate != start;
        item.ParentId = parent?.Id;
        item.Number = number;
        item.Name = name!;
        item.Content = content;
        item.SourceKind = input.SourceKind;
        item.SourceTitle = sourceTitle;
        item.SourceDocNumber = docNumber;
        item.SourceDate = input.SourceDate;
        item.TargetValue = input.TargetValue;
        item.TargetUnit = targetUnit;
        item.LeadUnitId = lead!.Id;
        item.LeadUnitPath = lead.Path;
        item.LeaderId = input.LeaderId;
        item.LiaisonId = input.LiaisonId;
        item.StartDate = start;
        item.Deadline = deadline;
        item.CadenceKind = cadence.Kind;
        item.CadenceDay = cadence.Day;
        item.CadenceHour = cadence.Hour;
        item.Tags = tags;
        if (isNew)
        {
            item.Begin(work.Today);
        }

        if (rescheduled)
        {
            item.ScheduleReports(work.UtcNow, work.Zone);
        }

        // Milestones: keep the ones still listed (updated), add the new ones, drop the rest.
        var keep = milestones.Where(m => m.Id is not null).Select(m => m.Id!.Value).ToHashSet();
        item.Milestones.RemoveAll(m => !keep.Contains(m.Id));
        for (var i = 0; i < milestones.Count; i++)
        {
            var m = milestones[i];
            var target = m.Id is { } mid ? item.Milestones.Single(x => x.Id == mid) : null;
            if (target is null)
            {
                target = new Milestone { RegionId = scope.RegionId, Name = m.Name!.Trim() };
                item.Milestones.Add(target);
            }

            target.Name = m.Name!.Trim();
            target.Due = m.Due!.Value;
            target.DoneOn = m.DoneOn;
            target.SortOrder = i;
        }

        if (quick)
        {
            await CreateAsync(item, parent, support, known, lead!, ct);
            return Outcome<WorkItem>.Ok(item);
        }

        if (isNew)
        {
            db.WorkItems.Add(item);
        }

        await db.SaveChangesAsync(ct);
        if (item.PlaceUnder(parent))
        {
            await db.SaveChangesAsync(ct);
        }

        if (!isNew)
        {
            await db.WorkItemUnits.Where(s => s.WorkItemId == item.Id).ExecuteDeleteAsync(ct);
        }

        db.WorkItemUnits.AddRange(support.Select(u => new WorkItemUnit { WorkItemId = item.Id, UnitId = u.Id, UnitPath = u.Path, RegionId = scope.RegionId }));
        if (shape is not null)
        {
            await shape.ApplyAsync(item, isNew);
        }

        await db.SaveChangesAsync(ct);
        await lights.RunAsync(scope.RegionId, item.Id, ct);
        if (transaction is not null)
        {
            await transaction.CommitAsync(ct);
        }

        // The light was set in the database; callers read the item back (TaskDetail) or redirect to it.
        return Outcome<WorkItem>.Ok(item);
    }

    private async Task CreateAsync(WorkItem item, WorkItem? parent, List<Unit> support, Known known, Unit lead, CancellationToken ct)
    {
        var utcNow = Domain.RegionClock.Stored(work.UtcNow);
        var regionSettings = known.Settings?.ToSettings() ?? LightSettings.Default;
        var settings = known.Ledger!.SettingsOver(regionSettings);
        var calendar = settings.DueSoonInWorkdays ? await CalendarAsync(item.RegionId, known, ct) : WorkdayCalendar.Plain;
        var next = item.Milestones.Where(m => m.DoneOn is null).OrderBy(m => m.Due).ThenBy(m => m.SortOrder).FirstOrDefault();
        item.NextMilestoneDue = next?.Due;
        item.NextMilestoneName = next?.Name;
        var lit = LightRules.Evaluate(item.Facts(), LightMoment.For(utcNow, TimeZoneInfo.FindSystemTimeZoneById(known.TimeZoneId), settings, calendar));
        item.Show(lit, utcNow);
        void WithId()
        {
            item.PlaceUnder(parent);
            db.WorkItemUnits.AddRange(support.Select(u => new WorkItemUnit { WorkItemId = item.Id, UnitId = u.Id, UnitPath = u.Path, RegionId = item.RegionId }));
            if (item.Light != item.PreviousLight)
            {
                db.LightChanges.Add(new LightChange { RegionId = item.RegionId, WorkItemId = item.Id, At = utcNow, From = item.PreviousLight, To = item.Light, Reason = item.LightReason });
            }
        }

        // With an id reserved ahead (PostgreSQL) everything is one batch; otherwise the rows that need the id
        // follow the item's insert, in the batch of the audit entries.
        if (await ids.NextAsync(db, ct) is { } id)
        {
            item.Id = id;
            db.WorkItems.Add(item);
            WithId();
            await db.SaveChangesAsync(ct);
        }
        else
        {
            db.WorkItems.Add(item);
            await db.SaveChangesAsync(WithId, ct);
        }

        Created = TaskDetail.From(
            item, known.Ledger.Name, lead.Name,
            support.OrderBy(u => u.Id).Select(u => new NamedRef(u.Id, u.Name)).ToList(),
            known.Leader, known.Liaison, []);
    }

    /// <summary>What a save checks against, read in one query; the calendar's count and id sum tell when it changed.</summary>
    private sealed record Known(string TimeZoneId, RegionLightSettings? Settings, Ledger? Ledger, Unit? Lead, string? Leader, string? Liaison, int CalendarDays, long CalendarIds);

    private Task<Known> LookupAsync(int regionId, int? ledgerId, int? leadId, int? leaderId, int? liaisonId, CancellationToken ct) =>
        db.Regions.IgnoreQueryFilters().Where(r => r.Id == regionId).Select(r => new Known(
            r.TimeZoneId,
            db.RegionLightSettings.IgnoreQueryFilters().FirstOrDefault(s => s.RegionId == r.Id),
            db.Ledgers.FirstOrDefault(x => x.Id == ledgerId && x.RegionId == r.Id),
            db.Units.FirstOrDefault(u => u.Id == leadId && u.RegionId == r.Id),
            db.People.Where(p => p.Id == leaderId && p.RegionId == r.Id).Select(TaskDetail.PersonLabel).FirstOrDefault(),
            db.People.Where(p => p.Id == liaisonId && p.RegionId == r.Id).Select(TaskDetail.PersonLabel).FirstOrDefault(),
            db.CalendarDays.IgnoreQueryFilters().Count(d => d.RegionId == r.Id),
            db.CalendarDays.IgnoreQueryFilters().Where(d => d.RegionId == r.Id).Sum(d => (long)d.Id)))
        .AsNoTracking().FirstAsync(ct);

    /// <summary>
    /// The region's workday calendar, kept in memory while its rows stay the same. Days are only ever added or
    /// removed (never edited), so their count and the sum of their ids change with every change, on any node.
    /// </summary>
    private async Task<WorkdayCalendar> CalendarAsync(int regionId, Known known, CancellationToken ct)
    {
        var key = $"calendar:{regionId}:{known.CalendarDays}:{known.CalendarIds}";
        if (!cache.TryGetValue(key, out WorkdayCalendar? calendar) || calendar is null)
        {
            calendar = await RecomputeLights.LoadCalendarAsync(db, regionId, ct);
            cache.Set(key, calendar, TimeSpan.FromMinutes(10));
        }

        return calendar;
    }

    private static ReportingCadence Cadence(TaskInput input) => ReportingCadence.Of(input.Cadence, input.CadenceDay, input.CadenceHour);

    private string? Text(string? value, int max, string field, ValidationErrors errors, bool required = false)
    {
        var text = string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        if (text is null && required)
        {
            errors.Add(field, l["Validation.Required"]);
        }
        else if (text?.Length > max)
        {
            errors.Add(field, l["Validation.MaxLength", max]);
        }

        return text;
    }
}
