using System.Text.Json.Nodes;
using Duban.Data;
using Duban.Domain.Promotion;
using Duban.Domain.Work;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Duban.Web.Features.LedgerFiles;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Leads;

/// <summary>Who imports: the region, and the region's clock.</summary>
public sealed record LeadImporter(int RegionId, DateOnly Today, DateTime UtcNow);

public sealed record LeadImportIssue(int Row, string? Column, Severity Severity, string Code, string Message);

/// <summary>One row of the ledger and what it does: a new lead, an update of one already followed, or nothing.</summary>
public sealed record LeadImportRow(int Row, string? Section, string? Name, string? Investor, string? FollowingUnit, LeadStage? Stage, string Action, int? LeadId);

public sealed record LeadImportResult(string? FileError, string? Sheet, string? Title, DateOnly? AsOf, IReadOnlyList<LeadImportRow> Rows, IReadOnlyList<LeadImportIssue> Issues, bool Written)
{
    public int Errors => Issues.Count(i => i.Severity == Severity.Error) + (FileError is null ? 0 : 1);

    public JsonObject ToJson() => new()
    {
        ["fileError"] = FileError,
        ["sheet"] = Sheet,
        ["title"] = Title,
        ["asOf"] = AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["written"] = Written,
        ["errors"] = Errors,
        ["created"] = Rows.Count(r => r.Action == LeadImport.Create),
        ["updated"] = Rows.Count(r => r.Action == LeadImport.Update),
        ["unchanged"] = Rows.Count(r => r.Action == LeadImport.Unchanged),
        ["rows"] = new JsonArray(Rows.Select(r => (JsonNode)new JsonObject
        {
            ["row"] = r.Row,
            ["section"] = r.Section,
            ["name"] = r.Name,
            ["investor"] = r.Investor,
            ["followingUnit"] = r.FollowingUnit,
            ["stage"] = r.Stage?.ToString(),
            ["action"] = r.Action,
            ["leadId"] = r.LeadId,
        }).ToArray()),
        ["issues"] = new JsonArray(Issues.Select(i => (JsonNode)new JsonObject
        {
            ["row"] = i.Row,
            ["column"] = i.Column,
            ["severity"] = i.Severity == Severity.Error ? "error" : "warning",
            ["code"] = i.Code,
            ["message"] = i.Message,
        }).ToArray()),
    };
}

/// <summary>What a row does.</summary>
public static class LeadImport
{
    public const string Create = "create";
    public const string Update = "update";
    public const string Unchanged = "unchanged";
}

/// <summary>
/// The office's own lead ledger (招商引资项目台账) in: read by the ledger reader as <see cref="LedgerKind.Leads"/>, each
/// row matched to a lead already followed by its project name and investor, its unit and leader found by name, then —
/// only when nothing is wrong — written in one transaction and relit. A row moves a lead on (or terminates it), never
/// back; a row at 已落地 is taken to 已注册 with a warning, because landing makes a key project and is the office's act
/// on the lead's page. The ledger's first and latest contact days become contacts, the latest with its 对接情况.
/// </summary>
public sealed class ImportLeads(DubanDb db, LeadActions actions, RecomputeLights lights, IStringLocalizer<SharedResource> l)
{
    private const string LedgerPeople = "（台账导入）";

    public async Task<LeadImportResult> RunAsync(LeadImporter who, string fileName, byte[] content, bool commit, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(who);
        Workbook book;
        try
        {
            book = LedgerFile.Open(fileName, content);
        }
        catch (SheetException e)
        {
            return new LeadImportResult(LedgerFile.Message(l, e), null, null, null, [], [], false);
        }

        var parse = LedgerReader.Read(book, LedgerKind.Leads, new LedgerReadOptions { Today = who.Today.Year });
        var issues = parse.Issues.Select(i => new LeadImportIssue(i.Row, i.Column, i.Severity, i.Code, ImportJson.Message(l, i))).ToList();
        var units = await db.Units.AsNoTracking().Where(u => u.RegionId == who.RegionId && u.IsActive).Select(u => new UnitEntry(u.Id, u.Name, u.ShortName, u.Path, u.ParentId)).ToListAsync(ct);
        var people = await db.People.AsNoTracking().Where(p => p.RegionId == who.RegionId && p.IsActive).Select(p => new PersonEntry(p.Id, p.Name, p.IsLeader, p.UnitId)).ToListAsync(ct);
        var names = new NameDirectory(units, people);
        var existing = (await db.WorkItems.AsNoTracking().Where(w => w.RegionId == who.RegionId && w.Kind == WorkItemKind.Lead)
                .Join(db.Leads.AsNoTracking(), w => w.Id, x => x.WorkItemId, (w, x) => new { w.Id, w.Name, x.Investor }).ToListAsync(ct))
            .GroupBy(x => Key(x.Name, x.Investor)).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        string? Letter(string field) => parse.Columns.FirstOrDefault(c => c.Field == field)?.Letter;
        void Issue(LedgerRow row, string field, Severity severity, string code, params object[] args)
        {
            var text = l["Import.Issue." + code, args];
            issues.Add(new LeadImportIssue(row.Row, Letter(field), severity, code, text.ResourceNotFound ? code : text.Value));
        }

        var plans = new List<(LedgerRow Row, LeadImportRow Shown, UnitEntry? Unit, PersonEntry? Leader, LeadStage Stage)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in parse.Rows)
        {
            var name = row.Text("name");
            var investor = row.Text("investor");
            if (investor is null)
            {
                Issue(row, "investor", Severity.Error, "leadInvestorMissing", name ?? string.Empty);
            }

            UnitEntry? unit = null;
            var unitText = row.Text("followingUnit");
            if (unitText is null)
            {
                Issue(row, "followingUnit", Severity.Error, "leadUnitMissing", name ?? string.Empty);
            }
            else if (names.MatchUnit(unitText) is { Unit: { } found })
            {
                unit = found;
            }
            else
            {
                Issue(row, "followingUnit", Severity.Error, "unitUnknown", unitText);
            }

            PersonEntry? leader = null;
            if (row.Text("leader") is { } leaderText)
            {
                var (person, _) = names.MatchPerson(leaderText, wantLeader: true);
                if (person is null)
                {
                    Issue(row, "leader", Severity.Warning, "leadLeaderUnknown", leaderText);
                }

                leader = person;
            }

            var stage = row.Fields.TryGetValue("stage", out var s) && s is int code && Enum.IsDefined((LeadStage)code) ? (LeadStage)code : LeadStage.Clue;
            if (stage == LeadStage.Landed)
            {
                Issue(row, "stage", Severity.Warning, "leadLandedOnPage", name ?? string.Empty);
            }

            var key = Key(name ?? string.Empty, investor ?? string.Empty);
            if (name is not null && investor is not null && !seen.Add(key))
            {
                Issue(row, "name", Severity.Error, "leadDuplicateRow", name);
            }

            var action = existing.TryGetValue(key, out var id) ? LeadImport.Update : LeadImport.Create;
            plans.Add((row, new LeadImportRow(row.Row, row.Section, name, investor, unit?.Name ?? unitText, stage, action, action == LeadImport.Update ? id : null), unit, leader, stage));
        }

        if (parse.Rows.Count == 0 && !issues.Any(i => i.Severity == Severity.Error))
        {
            issues.Add(new LeadImportIssue(0, null, Severity.Error, "noRows", l["Leads.ImportNoRows"].Value));
        }

        var shown = plans.Select(p => p.Shown).ToList();
        if (!commit || issues.Any(i => i.Severity == Severity.Error) || parse.HasFileErrors)
        {
            return new LeadImportResult(null, parse.Sheet, parse.Title, parse.AsOf, shown, issues, false);
        }

        var asOf = parse.AsOf ?? who.Today;
        asOf = asOf > who.Today ? who.Today : asOf;
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var ledger = await actions.LedgerAsync(who.RegionId, ct);
        var rows = new List<LeadImportRow>();
        foreach (var (row, plan, unit, leader, stage) in plans)
        {
            var first = row.Fields.TryGetValue("firstContact", out var f) && f is DateOnly fd ? fd : (DateOnly?)null;
            var last = row.Fields.TryGetValue("lastContact", out var la) && la is DateOnly ld ? ld : (DateOnly?)null;
            first = first > who.Today ? null : first;
            last = last > who.Today ? null : last;
            var signedOn = row.Fields.TryGetValue("signedOn", out var so) && so is DateOnly sd && sd <= who.Today ? sd : (DateOnly?)null;
            var amount = row.Get<decimal?>("signedAmount") ?? row.Get<decimal?>("plannedInvestment");
            WorkItem item;
            Lead lead;
            var changed = false;
            if (plan.Action == LeadImport.Create)
            {
                var registered = first ?? last ?? asOf;
                item = new WorkItem
                {
                    RegionId = who.RegionId,
                    LedgerId = ledger.Id,
                    Kind = WorkItemKind.Lead,
                    Number = row.Text("number"),
                    Name = plan.Name!,
                    LeadUnitId = unit!.Id,
                    LeadUnitPath = unit.Path,
                    LeaderId = leader?.Id,
                    StartDate = registered,
                    CreatedAt = who.UtcNow,
                };
                item.ReportOn(ReportingCadence.DefaultFor(WorkItemKind.Lead));
                item.Begin(who.Today);
                db.WorkItems.Add(item);
                await db.SaveChangesAsync(ct);
                item.PlaceUnder((WorkItem?)null);
                lead = new Lead { RegionId = who.RegionId, WorkItemId = item.Id, Investor = plan.Investor! };
                lead.Start(registered, stage <= LeadStage.Negotiating ? stage : LeadStage.Negotiating);
                db.Leads.Add(lead);
                await db.SaveChangesAsync(ct);
                db.LeadStageChanges.Add(LeadStageChange.Next(null, lead, registered));
                changed = true;
            }
            else
            {
                item = await db.WorkItems.FirstAsync(w => w.Id == plan.LeadId, ct);
                lead = await db.Leads.FirstAsync(x => x.WorkItemId == item.Id, ct);
                if (item.LeadUnitId != unit!.Id)
                {
                    item.LeadUnitId = unit.Id;
                    item.LeadUnitPath = unit.Path;
                    changed = true;
                }

                if (leader is not null && item.LeaderId != leader.Id)
                {
                    item.LeaderId = leader.Id;
                    changed = true;
                }
            }

            changed |= Set(lead.InvestorOrigin, row.Text("investorOrigin"), 100, v => lead.InvestorOrigin = v);
            changed |= Set(lead.Industry, row.Text("industry") ?? row.Section, 100, v => lead.Industry = v);
            changed |= Set(lead.SourceText, row.Text("source"), 50, v => lead.SourceText = v);
            var source = SourceOf(row.Text("sourceCode"));
            if (lead.Source != source)
            {
                lead.Source = source;
                changed = true;
            }

            if (row.Get<decimal?>("plannedInvestment") is { } planned && lead.PlannedInvestment != decimal.Round(planned, 2))
            {
                lead.PlannedInvestment = decimal.Round(planned, 2);
                changed = true;
            }

            item.Section = lead.Industry;

            // Contacts from the ledger's days: the first, and the latest with what it says of the talks.
            var lastBefore = lead.LastContactOn;
            foreach (var (on, agreed) in new[] { (first, l["Leads.ImportFirstContact"].Value), (last, row.Text("progress") ?? l["Leads.ImportLastContact"].Value) })
            {
                if (on is { } day && (lastBefore is null || day > lastBefore) && !await db.LeadContacts.AnyAsync(c => c.LeadId == lead.Id && c.On == day, ct)
                    && !db.LeadContacts.Local.Any(c => c.LeadId == lead.Id && c.On == day))
                {
                    db.LeadContacts.Add(new LeadContact { RegionId = who.RegionId, LeadId = lead.Id, On = day, Kind = LeadContactKind.Meeting, People = LedgerPeople, Agreed = agreed.Length > 2000 ? agreed[..2000] : agreed, RecordedAt = who.UtcNow });
                    lead.Contacted(day, null, null, who.Today);
                    changed = true;
                }
            }

            // The stage: forward only; a row behind the lead is reported, not applied.
            var target = stage == LeadStage.Landed ? LeadStage.Registered : stage;
            if (lead.Stage == LeadStage.Landed || (target != LeadStage.Terminated && lead.Stage != LeadStage.Terminated && target < lead.Stage))
            {
                if (target != lead.Stage && lead.Stage != LeadStage.Landed)
                {
                    Issue(row, "stage", Severity.Warning, "leadStageBehind", plan.Name!, l.Of(lead.Stage));
                }
            }
            else if (target != lead.Stage)
            {
                var on = target >= LeadStage.Signed && signedOn is { } sgn ? sgn : last ?? asOf;
                if (lead.TakeFromLedger(target, on < lead.StageSince ? lead.StageSince : on, amount, row.Text("terminationReason"), who.Today) is { } refusal)
                {
                    Issue(row, "stage", Severity.Error, "leadStageRefused", plan.Name!, l["Refusal." + refusal.Code].Value);
                }
                else
                {
                    await actions.StageChangedAsync(lead, lead.StageSince, ct);
                    changed = true;
                }
            }

            item.FollowLead(lead, item.StartDate);
            await db.SaveChangesAsync(ct);
            rows.Add(plan with { Action = plan.Action == LeadImport.Update && !changed ? LeadImport.Unchanged : plan.Action, LeadId = item.Id });
        }

        if (issues.Any(i => i.Severity == Severity.Error))
        {
            await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            return new LeadImportResult(null, parse.Sheet, parse.Title, parse.AsOf, shown, issues, false);
        }

        await lights.RunAsync(who.RegionId, null, ct);
        await transaction.CommitAsync(ct);
        return new LeadImportResult(null, parse.Sheet, parse.Title, parse.AsOf, rows, issues, true);
    }

    private static string Key(string name, string investor) => HeaderText.Canonical(name) + "|" + HeaderText.Canonical(investor);

    private static bool Set(string? current, string? value, int max, Action<string?> set)
    {
        value = value is { } v && v.Length > max ? v[..max] : value;
        if (value is null || value == current)
        {
            return false;
        }

        set(value);
        return true;
    }

    /// <summary>The reader's source code as the domain's source; a text it could not name is "other" (the text is kept).</summary>
    public static LeadSource SourceOf(string? code) => code switch
    {
        "businessReferral" => LeadSource.ThroughFirms,
        "residentOffice" => LeadSource.Resident,
        "industryChain" => LeadSource.IndustryChain,
        "expo" => LeadSource.Fair,
        "online" => LeadSource.Online,
        "trip" => LeadSource.Trip,
        "personalTies" => LeadSource.Kinship,
        _ => LeadSource.Other,
    };
}
