using System.Globalization;
using Duban.Data;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Sheets.Ledgers;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>The writing half of a commit: runs inside <see cref="LedgerImport.CommitAsync"/>'s transaction.</summary>
internal sealed class ImportWriter(DubanDb db, ImportActor actor, ImportRequest request, ImportPreview preview, Func<LedgerIssue, string> message)
{
    private readonly LedgerParse parse = preview.Parse!;
    private readonly Dictionary<string, Unit> createdUnits = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Person> createdPeople = new(StringComparer.Ordinal);
    private Dictionary<int, ProjectYearPlan> yearPlans = [];
    private Dictionary<int, ProjectInvestment> monthRecords = [];

    public async Task<ImportResult> WriteAsync(CancellationToken ct)
    {
        var ledger = preview.Ledger ?? await CreateLedgerAsync(ct);
        await CreateMissingAsync(ct);

        var rows = preview.Rows.Where(r => r.Action != RowAction.LeaveOut).ToList();
        var ids = rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var existing = await db.WorkItems.Include(w => w.Milestones).Where(w => w.LedgerId == ledger.Id && ids.Contains(w.Id)).ToDictionaryAsync(w => w.Id, ct);
        var projects = request.Kind == WorkItemKind.KeyProject
            ? await db.Projects.Where(p => ids.Contains(p.WorkItemId)).ToDictionaryAsync(p => p.WorkItemId, ct)
            : [];
        var latest = await db.ProgressReports.Where(r => ids.Contains(r.WorkItemId))
            .GroupBy(r => r.WorkItemId)
            .Select(g => g.OrderByDescending(r => r.SubmittedAt).ThenByDescending(r => r.Id).Select(r => new { r.WorkItemId, r.Done, r.Problems }).First())
            .ToDictionaryAsync(r => r.WorkItemId, r => (r.Done, r.Problems), ct);

        if (request.Kind == WorkItemKind.KeyProject)
        {
            yearPlans = await db.ProjectYearPlans.Where(p => ids.Contains(p.WorkItemId) && p.Year == preview.PlanYear).ToDictionaryAsync(p => p.WorkItemId, ct);
            monthRecords = await db.ProjectInvestments.Where(i => ids.Contains(i.WorkItemId) && i.Year == preview.CompletedYear && i.Month == preview.CompletedMonth).ToDictionaryAsync(i => i.WorkItemId, ct);
        }

        var start = new DateOnly(parse.Year ?? actor.Today.Year, 1, 1);
        if (start > actor.Today)
        {
            start = actor.Today;
        }

        var items = new List<(RowPlan Plan, WorkItem Item, bool IsNew)>(rows.Count);
        foreach (var plan in rows)
        {
            var isNew = plan.ExistingId is null;
            var item = isNew
                ? new WorkItem { RegionId = actor.RegionId, LedgerId = ledger.Id, Name = plan.Row.Text("name")!, Kind = request.Kind, CreatedAt = actor.UtcNow, StartDate = start }
                : existing[plan.ExistingId!.Value];
            Apply(plan, item, isNew);
            if (isNew)
            {
                // Prepared now, before the item is inserted, so that what they set on the item goes in with it.
                Children(plan, item, isNew: true, null, null);
            }

            items.Add((plan, item, isNew));
        }

        await db.SaveChangesAsync(ct);
        await InsertNewAsync(ledger, items.Where(x => x.IsNew).Select(x => x.Item).ToList(), ct);

        // Paths of new top-level items in one statement rather than one update each.
#pragma warning disable CA1305 // Translated to SQL: an integer's text has no culture there.
        await db.WorkItems.Where(w => w.LedgerId == ledger.Id && w.Path == "/")
            .ExecuteUpdateAsync(s => s.SetProperty(w => w.Path, w => "/" + w.Id.ToString() + "/"), ct);
#pragma warning restore CA1305

        var updatedIds = items.Where(x => !x.IsNew).Select(x => x.Item.Id).ToList();
        if (updatedIds.Count > 0)
        {
            await db.WorkItemUnits.Where(s => updatedIds.Contains(s.WorkItemId)).ExecuteDeleteAsync(ct);
        }

        foreach (var (plan, item, _) in items.Where(x => !x.IsNew))
        {
            Children(plan, item, isNew: false, latest.TryGetValue(item.Id, out var last) ? last : null, projects.GetValueOrDefault(item.Id));
        }

        await db.SaveChangesAsync(ct);
        await FlushNewChildrenAsync(items.Where(x => x.IsNew).ToList(), ct);
        if (request.Kind == WorkItemKind.KeyProject)
        {
            await RefreshInvestmentAsync(items.Where(x => !x.IsNew).Select(x => x.Item).ToList(), ct);
        }

        return new ImportResult(
            ledger.Id,
            items.Select(x => new ImportResult.Written(x.Plan.Row.Row, x.Item.Id, x.Item.Name, x.IsNew ? RowAction.Create : RowAction.Update)).ToList(),
            preview.Rows.Where(r => r.Action == RowAction.LeaveOut).Select(r => new ImportResult.LeftOut(r.Row.Row, r.Row.Text("name"), parse.Issues.Where(i => i.Row == r.Row.Row && i.Severity == Severity.Error).Select(i => $"{i.Column}{i.Row}：{message(i)}").ToList())).ToList(),
            createdUnits.Keys.ToList(),
            createdPeople.Keys.ToList());
    }

    private async Task<Ledger> CreateLedgerAsync(CancellationToken ct)
    {
        var name = parse.Title ?? Path.GetFileNameWithoutExtension(request.FileName);
        var ledger = new Ledger { RegionId = actor.RegionId, Name = name.Length > 200 ? name[..200] : name, Year = parse.Year ?? actor.Today.Year, SourceTitle = request.FileName.Length > 200 ? request.FileName[..200] : request.FileName };
        db.Ledgers.Add(ledger);
        await db.SaveChangesAsync(ct);
        preview.Ledger = ledger;
        return ledger;
    }

    private async Task CreateMissingAsync(CancellationToken ct)
    {
        if (!request.CreateMissing || (preview.UnitsToCreate.Count == 0 && preview.PeopleToCreate.Count == 0))
        {
            return;
        }

        var root = await db.Units.Where(u => u.RegionId == actor.RegionId && u.ParentId == null).OrderBy(u => u.Id).FirstAsync(ct);
        foreach (var name in preview.UnitsToCreate)
        {
            var unit = new Unit
            {
                RegionId = actor.RegionId,
                ParentId = root.Id,
                Name = name,
                Kind = NameDirectory.IsTownName(name) ? UnitKind.TownOrStreet : UnitKind.Department,
                SortOrder = 900,
            };
            db.Units.Add(unit);
            createdUnits[name] = unit;
        }

        foreach (var name in preview.PeopleToCreate)
        {
            var person = new Person { RegionId = actor.RegionId, UnitId = root.Id, Name = name, IsLeader = preview.Rows.Any(r => r.Row.Text("leader") == name) };
            db.People.Add(person);
            createdPeople[name] = person;
        }

        await db.SaveChangesAsync(ct);
        foreach (var unit in createdUnits.Values)
        {
            unit.Path = UnitPath.Child(root.Path, unit.Id);
        }

        await db.SaveChangesAsync(ct);
    }

    private (int Id, string Path)? UnitOf(UnitMatch? match) =>
        match?.Unit is { } u ? (u.Id, u.Path) : match is not null && createdUnits.TryGetValue(match.Text, out var c) ? (c.Id, c.Path) : null;

    private int? PersonOf(PersonEntry? match, string? name) =>
        match?.Id ?? (name is not null && createdPeople.TryGetValue(name, out var p) ? p.Id : null);

    private void Apply(RowPlan plan, WorkItem item, bool isNew)
    {
        var row = plan.Row;
        var lead = UnitOf(plan.Lead)!.Value;
        item.Name = row.Text("name")!;
        item.Number = row.Text("number") ?? item.Number;
        item.Section = row.Section is { Length: > 200 } s ? s[..200] : row.Section;
        item.LeadUnitId = lead.Id;
        item.LeadUnitPath = lead.Path;
        item.LeaderId = PersonOf(plan.Leader, row.Text("leader")) ?? (row.Text("leader") is null ? null : item.LeaderId);
        var liaisonField = request.Kind == WorkItemKind.KeyProject ? "steward" : "liaison";
        item.LiaisonId = PersonOf(plan.Liaison, row.Text(liaisonField)) ?? item.LiaisonId;
        if (request.Kind == WorkItemKind.KeyProject)
        {
            item.Content = row.Text("scale") ?? item.Content;
            item.Deadline = row.Get<DateOnly?>("plannedEnd") ?? item.Deadline;
            if (row.Get<DateOnly?>("plannedStart") is { } plannedStart && isNew)
            {
                item.StartDate = plannedStart;
            }
        }
        else
        {
            var content = row.Text("content");
            if (row.Text("milestoneNotes") is { } notes)
            {
                content = content is null ? $"时间节点：{notes}" : $"{content}（时间节点：{notes}）";
            }

            item.Content = content is { Length: > 4000 } c ? c[..4000] : content ?? item.Content;
            item.Deadline = row.Get<DateOnly?>("deadline") ?? item.Deadline;
        }

        if (item.Deadline < item.StartDate)
        {
            item.StartDate = item.Deadline.Value;
        }

        MergeMilestones(item, row.Get<List<MilestoneText>>("milestones") ?? []);
        if (isNew)
        {
            item.ReportOn(ReportingCadence.DefaultFor(request.Kind));
            // A task starts as its start date says; a project's status follows its stage (below).
            item.Begin(actor.Today);
            item.ScheduleReports(actor.UtcNow, actor.Zone);
        }
    }

    /// <summary>Supporting units, the report the progress columns make, and the project's own rows.</summary>
    private void Children(RowPlan plan, WorkItem item, bool isNew, (string Done, string? Problems)? last, Project? project)
    {
        foreach (var unit in plan.Supporting.Select(UnitOf).OfType<(int Id, string Path)>().Where(u => u.Id != item.LeadUnitId).DistinctBy(u => u.Id))
        {
            Add(isNew, item, fresh.Units, new WorkItemUnit { RegionId = actor.RegionId, WorkItemId = item.Id, UnitId = unit.Id, UnitPath = unit.Path });
        }

        AddReport(plan, item, isNew, last);
        if (request.Kind == WorkItemKind.KeyProject)
        {
            ApplyProject(plan, item, isNew, project);
        }
    }

    /// <summary>Milestones are matched by name: a listed one keeps its record (and whether it is done), new ones are added, open ones no longer listed go.</summary>
    private void MergeMilestones(WorkItem item, List<MilestoneText> listed)
    {
        if (listed.Count == 0)
        {
            return;
        }

        var byName = listed.DistinctBy(m => m.Name).ToList();
        item.Milestones.RemoveAll(m => m.DoneOn is null && byName.All(x => x.Name != m.Name));
        for (var i = 0; i < byName.Count; i++)
        {
            var target = item.Milestones.FirstOrDefault(m => m.Name == byName[i].Name);
            if (target is null)
            {
                target = new Milestone { RegionId = actor.RegionId, Name = byName[i].Name };
                item.Milestones.Add(target);
            }

            target.Due = item.Deadline is { } d && byName[i].Due > d ? d : byName[i].Due;
            target.SortOrder = i;
        }
    }

    /// <summary>The ledger's progress and problem columns become a report when they say something new.</summary>
    private void AddReport(RowPlan plan, WorkItem item, bool isNew, (string Done, string? Problems)? last)
    {
        var done = plan.Row.Text(request.Kind == WorkItemKind.KeyProject ? "physicalProgress" : "progress");
        var problems = plan.Row.Text("problems");
        if (done is null && problems is null)
        {
            return;
        }

        done ??= "—";
        if (last is { } l && l.Done == done && l.Problems == problems)
        {
            return;
        }

        Add(isNew, item, fresh.Reports, new ProgressReport
        {
            RegionId = actor.RegionId,
            WorkItemId = item.Id,
            SubmittedAt = actor.UtcNow,
            SubmittedById = null,
            SubmittedByName = actor.Name,
            Done = done,
            Problems = problems,
        });
    }

    private void ApplyProject(RowPlan plan, WorkItem item, bool isNew, Project? project)
    {
        var row = plan.Row;
        if (project is null)
        {
            project = new Project { RegionId = actor.RegionId, WorkItemId = item.Id, Pool = ProjectPool.Implementation };
            Add(isNew, item, fresh.Projects, project);
        }

        project.Scale = row.Text("scale") ?? project.Scale;
        project.Nature = row.Get<int?>("nature") is { } nature ? (ProjectNature)nature : project.Nature;
        project.Category = CategoryOf(row.Section) ?? project.Category;
        project.StartYear = row.Get<int?>("startYear") ?? project.StartYear;
        project.EndYear = row.Get<int?>("endYear") ?? project.EndYear;
        project.TotalInvestment = row.Get<decimal?>("totalInvestment") ?? project.TotalInvestment;
        project.OwnerCompany = row.Text("ownerCompany") ?? project.OwnerCompany;
        project.TownUnitId = UnitOf(plan.Town)?.Id ?? project.TownUnitId;
        if (row.Get<double?>("longitude") is { } lon && row.Get<double?>("latitude") is { } lat)
        {
            (project.Longitude, project.Latitude) = (lon, lat);
        }

        project.StartPlanned = row.Get<DateOnly?>("plannedStart") ?? project.StartPlanned;

        // A stage the sheet says was reached is recorded on the day its figures stand at (or today).
        if (row.Get<int?>("stage") is { } stage and > 0)
        {
            var on = parse.AsOf is { } asOf && asOf <= actor.Today ? asOf : actor.Today;
            for (var s = (int)project.Stage + 1; s <= stage; s++)
            {
                project.Reach((ProjectStage)s, on, actor.Today);
            }
        }

        item.FollowStage(project);
        item.PlannedStartMonth = project.PlannedStartMonthWhileNotStarted;
        if (isNew)
        {
            // A new project's year so far is what this sheet says; the light reads its completion of plan.
            var completion = preview.PlanYear == actor.Today.Year && preview.CompletedYear == actor.Today.Year
                ? Investment.Completion(plan.MonthAmount ?? 0m, row.Get<decimal?>("annualPlan"))
                : null;
            item.InvestmentYear = completion is null ? null : actor.Today.Year;
            item.InvestmentPercent = completion;
        }

        if (row.Get<decimal?>("annualPlan") is { } amount && preview.PlanYear is { } planYear)
        {
            if (!yearPlans.TryGetValue(item.Id, out var yearPlan))
            {
                Add(isNew, item, fresh.Plans, new ProjectYearPlan { RegionId = actor.RegionId, WorkItemId = item.Id, Year = planYear, Amount = amount });
            }
            else
            {
                yearPlan.Amount = amount;
            }
        }

        if (plan.MonthAmount is { } month && preview.CompletedYear is { } year && preview.CompletedMonth is { } m)
        {
            if (!monthRecords.TryGetValue(item.Id, out var record))
            {
                Add(isNew, item, fresh.Investments, new ProjectInvestment { RegionId = actor.RegionId, WorkItemId = item.Id, Year = year, Month = m, Amount = month, RecordedAt = actor.UtcNow, RecordedByName = actor.Name });
            }
            else
            {
                record.Amount = month;
                record.RecordedAt = actor.UtcNow;
                record.RecordedByName = actor.Name;
            }
        }
    }

    private static ProjectCategory? CategoryOf(string? section) => section switch
    {
        null => null,
        _ when section.Contains("产业", StringComparison.Ordinal) || section.Contains("工业", StringComparison.Ordinal) => ProjectCategory.Industrial,
        _ when section.Contains("基础设施", StringComparison.Ordinal) || section.Contains("交通", StringComparison.Ordinal) => ProjectCategory.Infrastructure,
        _ when section.Contains("民生", StringComparison.Ordinal) || section.Contains("社会", StringComparison.Ordinal) => ProjectCategory.Social,
        _ => null,
    };

    /// <summary>This year's completion of plan, which the light reads, for every imported project.</summary>
    private async Task RefreshInvestmentAsync(List<WorkItem> items, CancellationToken ct)
    {
        var year = actor.Today.Year;
        var ids = items.Select(i => i.Id).ToList();
        var plans = await db.ProjectYearPlans.Where(p => ids.Contains(p.WorkItemId) && p.Year == year).ToDictionaryAsync(p => p.WorkItemId, p => p.Amount, ct);
        var done = await db.ProjectInvestments.Where(i => ids.Contains(i.WorkItemId) && i.Year == year).GroupBy(i => i.WorkItemId)
            .Select(g => new { g.Key, Sum = g.Sum(i => i.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        foreach (var item in items)
        {
            var completion = Investment.Completion(done.GetValueOrDefault(item.Id), plans.TryGetValue(item.Id, out var p) ? p : null);
            item.InvestmentYear = completion is null ? null : year;
            item.InvestmentPercent = completion;
        }

        await db.SaveChangesAsync(ct);
    }

    /// <summary>Rows belonging to new items: written in bulk once the items have their ids.</summary>
    private sealed class Fresh
    {
        public List<(WorkItem Owner, WorkItemUnit Row)> Units { get; } = [];
        public List<(WorkItem Owner, ProgressReport Row)> Reports { get; } = [];
        public List<(WorkItem Owner, Project Row)> Projects { get; } = [];
        public List<(WorkItem Owner, ProjectYearPlan Row)> Plans { get; } = [];
        public List<(WorkItem Owner, ProjectInvestment Row)> Investments { get; } = [];
    }

    private readonly Fresh fresh = new();

    private void Add<T>(bool isNew, WorkItem owner, List<(WorkItem Owner, T Row)> bulk, T entity)
        where T : class
    {
        if (isNew)
        {
            bulk.Add((owner, entity));
        }
        else
        {
            db.Add(entity);
        }
    }

    /// <summary>
    /// New work items go in with multi-row inserts rather than through the change tracker (a 10,000-row ledger
    /// in seconds, not tens of seconds); each gets its id back by its name, unique in the ledger by then.
    /// </summary>
    private async Task InsertNewAsync(Ledger ledger, List<WorkItem> items, CancellationToken ct)
    {
        if (items.Count == 0)
        {
            return;
        }

        var before = await db.WorkItems.IgnoreQueryFilters().MaxAsync(w => (int?)w.Id, ct) ?? 0;
        await BulkInsert.InsertAsync(db, items, ct);
        var ids = await db.WorkItems.IgnoreQueryFilters().Where(w => w.LedgerId == ledger.Id && w.Id > before).Select(w => new { w.Id, w.Name }).ToListAsync(ct);
        var byName = ids.ToDictionary(x => x.Name, x => x.Id, StringComparer.Ordinal);
        var milestones = new List<Milestone>();
        foreach (var item in items)
        {
            item.Id = byName[item.Name];
            item.PlaceUnder((WorkItem?)null);
            foreach (var m in item.Milestones)
            {
                m.WorkItemId = item.Id;
                milestones.Add(m);
            }
        }

        await BulkInsert.InsertAsync(db, milestones, ct);
    }

    /// <summary>The new items' supporting units, reports and project rows, and one audit entry per new item with all of it.</summary>
    private async Task FlushNewChildrenAsync(List<(RowPlan Plan, WorkItem Item, bool IsNew)> created, CancellationToken ct)
    {
        await BulkInsert.InsertAsync(db, fresh.Units.Select(x => { x.Row.WorkItemId = x.Owner.Id; return x.Row; }).ToList(), ct);
        await BulkInsert.InsertAsync(db, fresh.Reports.Select(x => { x.Row.WorkItemId = x.Owner.Id; return x.Row; }).ToList(), ct);
        await BulkInsert.InsertAsync(db, fresh.Projects.Select(x => { x.Row.WorkItemId = x.Owner.Id; return x.Row; }).ToList(), ct);
        await BulkInsert.InsertAsync(db, fresh.Plans.Select(x => { x.Row.WorkItemId = x.Owner.Id; return x.Row; }).ToList(), ct);
        await BulkInsert.InsertAsync(db, fresh.Investments.Select(x => { x.Row.WorkItemId = x.Owner.Id; return x.Row; }).ToList(), ct);
        var units = fresh.Units.ToLookup(u => u.Row.WorkItemId, u => u.Row.UnitId);
        var projects = fresh.Projects.ToDictionary(p => p.Row.WorkItemId, p => p.Row);
        var audit = created.Select(x => new AuditEntry
        {
            RegionId = actor.RegionId,
            At = actor.UtcNow,
            ActorId = actor.AccountId,
            ActorName = actor.Name,
            EntityType = nameof(WorkItem),
            EntityId = x.Item.Id,
            Action = AuditActions.Created,
            After = System.Text.Json.JsonSerializer.Serialize(
                new
                {
                    Source = request.FileName,
                    x.Plan.Row.Row,
                    x.Item.Kind,
                    x.Item.Number,
                    x.Item.Name,
                    x.Item.Section,
                    x.Item.Content,
                    x.Item.LeadUnitId,
                    x.Item.LeaderId,
                    x.Item.LiaisonId,
                    x.Item.StartDate,
                    x.Item.Deadline,
                    Milestones = x.Item.Milestones.Select(m => new { m.Name, m.Due }),
                    SupportingUnitIds = units[x.Item.Id],
                    Project = projects.TryGetValue(x.Item.Id, out var p) ? new { p.TotalInvestment, p.Stage, p.Nature, p.Category, p.StartYear, p.EndYear, p.Longitude, p.Latitude, p.TownUnitId } : null,
                },
                LedgerImport.JsonOptions),
        }).ToList();
        await BulkInsert.InsertAsync(db, audit, ct);
    }

    internal static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
