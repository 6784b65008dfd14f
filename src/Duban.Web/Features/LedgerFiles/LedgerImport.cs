using System.Globalization;
using System.Text.Json;
using Duban.Data;
using Duban.Domain.LedgerFiles;
using Duban.Domain.Organisation;
using Duban.Domain.Projects;
using Duban.Domain.Work;
using Duban.Sheets;
using Duban.Sheets.Ledgers;
using Duban.Web.Features.Lights;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>Who imports, where and when: built from the signed-in office account, or by the command line.</summary>
public sealed record ImportActor(int RegionId, int? AccountId, string Name, DateOnly Today, DateTime UtcNow, TimeZoneInfo Zone);

/// <summary>A file to read and the person's choices about it.</summary>
public sealed record ImportRequest(WorkItemKind Kind, int? LedgerId, string FileName, byte[] Content, IReadOnlyDictionary<int, string>? Columns = null, bool CreateMissing = false);

/// <summary>What will happen to one data row.</summary>
public enum RowAction
{
    Create,
    Update,
    LeaveOut,
}

/// <summary>A data row with its matches against the region's records and what a commit would do with it.</summary>
public sealed class RowPlan
{
    public required LedgerRow Row { get; init; }
    public RowAction Action { get; set; }
    public int? ExistingId { get; set; }
    public UnitMatch? Lead { get; set; }
    public List<UnitMatch> Supporting { get; } = [];
    public UnitMatch? Town { get; set; }
    public PersonEntry? Leader { get; set; }
    public PersonEntry? Liaison { get; set; }

    /// <summary>This month's amount the cumulative figure implies, once earlier months stored are taken off.</summary>
    public decimal? MonthAmount { get; set; }
}

/// <summary>A file read against the region: the parse, the plan for every row, and the file-level error if it could not be read.</summary>
public sealed class ImportPreview
{
    public LedgerParse? Parse { get; init; }

    /// <summary>Why the file could not be read or written, in the person's language; nothing was written.</summary>
    public string? FileError { get; set; }
    public Ledger? Ledger { get; set; }
    public List<RowPlan> Rows { get; } = [];
    public List<string> UnitsToCreate { get; } = [];
    public List<string> PeopleToCreate { get; } = [];
    public int? CompletedYear { get; set; }
    public int? CompletedMonth { get; set; }
    public int? PlanYear { get; set; }

    public IEnumerable<LedgerIssue> Issues => Parse?.Issues ?? [];

    public bool CanCommit => FileError is null && Parse is not null && !Parse.HasFileErrors && Rows.Any(r => r.Action != RowAction.LeaveOut);
}

/// <summary>What a commit wrote and left out, row by row.</summary>
public sealed record ImportResult(int LedgerId, IReadOnlyList<ImportResult.Written> Rows, IReadOnlyList<ImportResult.LeftOut> Skipped, IReadOnlyList<string> UnitsCreated, IReadOnlyList<string> PeopleCreated)
{
    public sealed record Written(int Row, int Id, string Name, RowAction Action);

    public sealed record LeftOut(int Row, string? Name, IReadOnlyList<string> Reasons);
}

/// <summary>
/// Reads an uploaded ledger against the region (units and people matched, stored duplicates found, cumulative
/// investment turned into the month's amount) and, once a person confirms, writes every row without errors in
/// one transaction: created, or updated when the ledger already holds an item of that name. The audit trail
/// records each change; the lights are recomputed before the transaction ends.
/// </summary>
public sealed partial class LedgerImport(DubanDb db, RecomputeLights lights, IStringLocalizer<SharedResource> l, ILogger<LedgerImport> logger)
{
    public static LedgerKind KindOf(WorkItemKind kind) => kind == WorkItemKind.KeyProject ? LedgerKind.Projects : LedgerKind.Tasks;

    /// <summary>
    /// Reads the file against the region. Never throws for what a file holds: a file it cannot make sense of, or a
    /// fault of ours reading it, comes back as <see cref="ImportPreview.FileError"/> in the person's language.
    /// </summary>
    public async Task<ImportPreview> PreviewAsync(ImportActor actor, ImportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        try
        {
            return await ReadAsync(actor, request, ct);
        }
        catch (Exception e) when (IsFileFault(e))
        {
            ReadFailed(logger, e, request.FileName);
            return new ImportPreview { FileError = l["Import.File.Unexpected"] };
        }
    }

    /// <summary>
    /// A fault while reading a file is the file's (or our reader's), never a reason to fail the request; a lost
    /// database or a cancelled request is not a file's fault and goes on up.
    /// </summary>
    private static bool IsFileFault(Exception e) => e is not (OperationCanceledException or System.Data.Common.DbException or DbUpdateException or OutOfMemoryException);

    private async Task<ImportPreview> ReadAsync(ImportActor actor, ImportRequest request, CancellationToken ct)
    {
        Workbook book;
        try
        {
            book = LedgerFile.Open(request.FileName, request.Content);
        }
        catch (SheetException e)
        {
            return new ImportPreview { FileError = LedgerFile.Message(l, e) };
        }

        var ledger = request.LedgerId is { } lid ? await db.Ledgers.FirstOrDefaultAsync(x => x.Id == lid && x.RegionId == actor.RegionId, ct) : null;
        if (request.LedgerId is not null && ledger is null)
        {
            return new ImportPreview { FileError = l["Tasks.LedgerNotFound"] };
        }

        var templateJson = await db.ImportTemplates.Where(t => t.RegionId == actor.RegionId && t.Kind == request.Kind).Select(t => t.MappingJson).FirstOrDefaultAsync(ct);
        var template = templateJson is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(templateJson);
        var parse = LedgerReader.Read(book, KindOf(request.Kind), new LedgerReadOptions { Year = ledger?.Year, Template = template, Columns = request.Columns, Today = actor.Today.Year });
        var preview = new ImportPreview { Parse = parse, Ledger = ledger };
        if (parse.Rows.Count == 0)
        {
            return preview;
        }

        var units = await db.Units.Where(u => u.RegionId == actor.RegionId && u.IsActive).Select(u => new UnitEntry(u.Id, u.Name, u.ShortName, u.Path, u.ParentId)).ToListAsync(ct);
        var people = await db.People.Where(p => p.RegionId == actor.RegionId && p.IsActive).Select(p => new PersonEntry(p.Id, p.Name, p.IsLeader, p.UnitId)).ToListAsync(ct);
        var names = new NameDirectory(units, people);
        var existing = ledger is null
            ? []
            : (await db.WorkItems.Where(w => w.LedgerId == ledger.Id && w.Kind == request.Kind).Select(w => new { w.Id, w.Name }).ToListAsync(ct))
                .GroupBy(w => HeaderText.Canonical(w.Name), StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First().Id, StringComparer.Ordinal);

        if (request.Kind == WorkItemKind.KeyProject)
        {
            var completed = parse.Columns.FirstOrDefault(c => c.Field == "completedToDate");
            var plan = parse.Columns.FirstOrDefault(c => c.Field == "annualPlan");
            preview.PlanYear = plan?.Period.Year ?? parse.Year;
            preview.CompletedYear = completed?.Period.Year ?? preview.PlanYear;
            // The month the cumulative amount stands at: its header's, else the sheet's statistics date. Without a
            // column of amounts done there is no month to speak of, whatever the title says.
            preview.CompletedMonth = completed is null ? null : completed.Period.ToMonth ?? (parse.AsOf?.Year == preview.CompletedYear ? parse.AsOf?.Month : null);
            if (completed is not null && preview.CompletedMonth is null)
            {
                parse.Issues.Add(new LedgerIssue(parse.Sheet, parse.HeaderFirstRow, completed.Letter, Severity.Error, "completedMonthUnknown", [completed.Header]));
            }
        }

        foreach (var row in parse.Rows)
        {
            var plan = new RowPlan { Row = row };
            preview.Rows.Add(plan);
            Match(preview, plan, names, request);
            if (row.Text("name") is { } name && existing.TryGetValue(HeaderText.Canonical(name), out var id))
            {
                plan.ExistingId = id;
                parse.Add(row, null, Severity.Warning, IssueCodes.DuplicateStored, name);
            }
        }

        if (request.Kind == WorkItemKind.KeyProject)
        {
            await PlanInvestmentAsync(preview, ct);
        }

        foreach (var plan in preview.Rows)
        {
            plan.Action = plan.Row.HasErrors || parse.HasFileErrors ? RowAction.LeaveOut : plan.ExistingId is null ? RowAction.Create : RowAction.Update;
        }

        return preview;
    }

    private static void Match(ImportPreview preview, RowPlan plan, NameDirectory names, ImportRequest request)
    {
        var parse = preview.Parse!;
        var row = plan.Row;
        string Letter(string field) => parse.Columns.First(c => c.Field == field).Letter;
        if (row.Text("leadUnit") is { } leadText)
        {
            plan.Lead = names.MatchUnit(leadText);
            UnitIssue(preview, plan, plan.Lead, Letter("leadUnit"), Severity.Error, request.CreateMissing);
        }
        else
        {
            parse.Add(row, parse.Columns.FirstOrDefault(c => c.Field == "leadUnit")?.Letter, Severity.Error, IssueCodes.Required, LedgerFields.Find(parse.Kind, "leadUnit")!.Label);
        }

        foreach (var text in row.Get<IReadOnlyList<string>>("supportingUnits") ?? [])
        {
            var match = names.MatchUnit(text);
            plan.Supporting.Add(match);
            UnitIssue(preview, plan, match, Letter("supportingUnits"), Severity.Warning, request.CreateMissing);
        }

        if (row.Text("town") is { } town)
        {
            plan.Town = names.MatchUnit(town);
            UnitIssue(preview, plan, plan.Town, Letter("town"), Severity.Warning, request.CreateMissing && NameDirectory.IsTownName(town));
        }

        plan.Leader = Person(preview, plan, names, "leader", wantLeader: true, request.CreateMissing);
        plan.Liaison = Person(preview, plan, names, parse.Kind == LedgerKind.Projects ? "steward" : "liaison", wantLeader: false, request.CreateMissing);
    }

    private static void UnitIssue(ImportPreview preview, RowPlan plan, UnitMatch match, string column, Severity missing, bool createMissing)
    {
        var parse = preview.Parse!;
        if (match.Unit is not null)
        {
            return;
        }

        if (match.Candidates.Count > 1)
        {
            parse.Add(plan.Row, column, Severity.Error, IssueCodes.UnitAmbiguous, match.Text, string.Join("、", match.Candidates.Take(5).Select(c => c.Name)));
        }
        else if (createMissing)
        {
            if (!preview.UnitsToCreate.Contains(match.Text))
            {
                preview.UnitsToCreate.Add(match.Text);
            }

            parse.Add(plan.Row, column, Severity.Warning, IssueCodes.UnitCreated, match.Text);
        }
        else
        {
            parse.Add(plan.Row, column, missing, IssueCodes.UnitUnknown, match.Text);
        }
    }

    private static PersonEntry? Person(ImportPreview preview, RowPlan plan, NameDirectory names, string field, bool wantLeader, bool createMissing)
    {
        var parse = preview.Parse!;
        if (plan.Row.Text(field) is not { } name)
        {
            return null;
        }

        var column = parse.Columns.First(c => c.Field == field).Letter;
        var (person, count) = names.MatchPerson(name, wantLeader);
        if (person is null && count == 0 && createMissing)
        {
            if (!preview.PeopleToCreate.Contains(name))
            {
                preview.PeopleToCreate.Add(name);
            }

            parse.Add(plan.Row, column, Severity.Warning, IssueCodes.PersonCreated, name);
        }
        else if (person is null)
        {
            parse.Add(plan.Row, column, Severity.Warning, count > 1 ? "personAmbiguous" : IssueCodes.PersonUnknown, name, count.ToString(CultureInfo.InvariantCulture));
        }

        return person;
    }

    /// <summary>"1-10月完成投资" is cumulative: the month's amount is it less the months before already stored.</summary>
    private async Task PlanInvestmentAsync(ImportPreview preview, CancellationToken ct)
    {
        var completed = preview.Parse!.Columns.FirstOrDefault(c => c.Field == "completedToDate");
        if (completed is null || preview.CompletedMonth is not { } month || preview.CompletedYear is not { } year)
        {
            return;
        }

        var ids = preview.Rows.Where(r => r.ExistingId is not null).Select(r => r.ExistingId!.Value).ToList();
        var before = ids.Count == 0
            ? []
            : await db.ProjectInvestments.Where(i => ids.Contains(i.WorkItemId) && i.Year == year && i.Month < month)
                .GroupBy(i => i.WorkItemId).Select(g => new { g.Key, Sum = g.Sum(i => i.Amount) }).ToDictionaryAsync(x => x.Key, x => x.Sum, ct);
        var column = completed.Letter;
        foreach (var plan in preview.Rows)
        {
            if (plan.Row.Get<decimal?>("completedToDate") is not { } cumulative)
            {
                continue;
            }

            var earlier = plan.ExistingId is { } id ? before.GetValueOrDefault(id) : 0m;
            if (cumulative < earlier)
            {
                preview.Parse.Add(plan.Row, column, Severity.Error, IssueCodes.InvestmentBelowStored, cumulative.ToString("0.##", CultureInfo.InvariantCulture), earlier.ToString("0.##", CultureInfo.InvariantCulture));
            }
            else
            {
                plan.MonthAmount = cumulative - earlier;
            }
        }
    }

    /// <summary>
    /// Writes every row without errors, in one transaction: all of them or, if anything fails, none. Saves the
    /// column mapping as the region's template for next month.
    /// </summary>
    public async Task<(ImportPreview Preview, ImportResult? Result)> CommitAsync(ImportActor actor, ImportRequest request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(actor);
        ArgumentNullException.ThrowIfNull(request);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var preview = await PreviewAsync(actor, request, ct);
        if (!preview.CanCommit)
        {
            return (preview, null);
        }

        try
        {
            var writer = new ImportWriter(db, actor, request, preview, issue => ImportJson.Message(l, issue));
            var result = await writer.WriteAsync(ct);
            await SaveTemplateAsync(actor, request.Kind, preview.Parse!, ct);
            await db.SaveChangesAsync(ct);
            await lights.RunForLedgerAsync(actor.RegionId, result.LedgerId, ct);
            await transaction.CommitAsync(ct);
            return (preview, result);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // All or nothing: the transaction goes back, and the person is told that nothing was written.
            await transaction.RollbackAsync(CancellationToken.None);
            db.ChangeTracker.Clear();
            WriteFailed(logger, e, request.FileName);
            preview.FileError = l["Import.File.WriteFailed"];
            return (preview, null);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Reading the ledger file {FileName} failed")]
    private static partial void ReadFailed(ILogger logger, Exception e, string fileName);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the ledger file {FileName} failed; nothing was written")]
    private static partial void WriteFailed(ILogger logger, Exception e, string fileName);

    private async Task SaveTemplateAsync(ImportActor actor, WorkItemKind kind, LedgerParse parse, CancellationToken ct)
    {
        var template = await db.ImportTemplates.FirstOrDefaultAsync(t => t.RegionId == actor.RegionId && t.Kind == kind, ct);
        var mapping = template is null ? [] : JsonSerializer.Deserialize<Dictionary<string, string>>(template.MappingJson) ?? [];
        foreach (var column in parse.Columns)
        {
            var key = column.Key;
            if (key.Length is > 0 and <= 80)
            {
                mapping[key] = column.Field ?? LedgerFields.Ignored.Name;
            }
        }

        var json = JsonSerializer.Serialize(new SortedDictionary<string, string>(mapping, StringComparer.Ordinal), JsonOptions);
        if (template is null)
        {
            db.ImportTemplates.Add(new ImportTemplate { RegionId = actor.RegionId, Kind = kind, MappingJson = json, UpdatedAt = actor.UtcNow });
        }
        else if (template.MappingJson != json)
        {
            template.MappingJson = json;
            template.UpdatedAt = actor.UtcNow;
        }
    }

    internal static readonly JsonSerializerOptions JsonOptions = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
