using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Duban.Web.Features.LedgerFiles;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Setup;

/// <summary>
/// import FILE --kind tasks|projects [--dry-run] [--format json]: reads a ledger and prints what it holds (and,
/// without --dry-run, writes it); export --ledger ID --out FILE: writes a ledger to .xlsx. Both act for the
/// whole region given by --region (default: the first).
/// </summary>
internal static class LedgerFileCommands
{
    public static async Task<int> ImportAsync(WebApplication app, string[] options)
    {
        var file = options.Where((o, i) => !o.StartsWith("--", StringComparison.Ordinal) && (i == 0 || !TakesValue(options[i - 1]))).FirstOrDefault();
        var kind = LedgerFilesApi.KindOf(Cli.Option(options, "--kind"));
        if (file is null || kind is null)
        {
            await Console.Error.WriteLineAsync("Usage: import FILE --kind tasks|projects [--dry-run] [--format json|text] [--ledger ID] [--region CODE] [--create-missing]");
            return 2;
        }

        if (!File.Exists(file))
        {
            await Console.Error.WriteLineAsync($"File not found: {file}");
            return 2;
        }

        SetCulture(options);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DubanDb>();
        var region = await RegionAsync(db, options);
        if (region is null)
        {
            await Console.Error.WriteLineAsync("No such region. Run seed-demo or create-admin first, or give --region CODE.");
            return 2;
        }

        int? ledgerId = int.TryParse(Cli.Option(options, "--ledger"), CultureInfo.InvariantCulture, out var id) ? id : null;
        var request = new ImportRequest(kind.Value, ledgerId, Path.GetFileName(file), await File.ReadAllBytesAsync(file), null, options.Contains("--create-missing"));
        var actor = Actor(region, services);
        var import = services.GetRequiredService<LedgerImport>();
        var l = services.GetRequiredService<IStringLocalizer<SharedResource>>();
        var dryRun = options.Contains("--dry-run");
        ImportPreview preview;
        ImportResult? result = null;
        if (dryRun)
        {
            preview = await import.PreviewAsync(actor, request);
        }
        else
        {
            (preview, result) = await import.CommitAsync(actor, request);
        }

        if (Cli.Option(options, "--format") is "json")
        {
            Console.WriteLine(ImportJson.Of(preview, result, l).ToJsonString(ImportJson.Print));
        }
        else
        {
            PrintText(preview, result, l);
        }

        return preview.FileError is not null || (!dryRun && result is null) ? 1 : 0;
    }

    public static async Task<int> ExportAsync(WebApplication app, string[] options)
    {
        var outFile = Cli.Option(options, "--out");
        if (!int.TryParse(Cli.Option(options, "--ledger"), CultureInfo.InvariantCulture, out var ledgerId) || outFile is null)
        {
            await Console.Error.WriteLineAsync("Usage: export --ledger ID --out FILE.xlsx [--kind tasks|projects] [--region CODE]");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DubanDb>();
        var region = await RegionAsync(db, options);
        var ledger = region is null ? null : await db.Ledgers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Id == ledgerId && l.RegionId == region.Id);
        if (region is null || ledger is null)
        {
            await Console.Error.WriteLineAsync($"Ledger {ledgerId} not found.");
            return 2;
        }

        var kind = LedgerFilesApi.KindOf(Cli.Option(options, "--kind"))
            ?? (await db.WorkItems.IgnoreQueryFilters().AnyAsync(w => w.LedgerId == ledgerId && w.Kind == Domain.Work.WorkItemKind.KeyProject) ? Domain.Work.WorkItemKind.KeyProject : Domain.Work.WorkItemKind.Task);
        var actor = Actor(region, services);
        await using (var output = File.Create(outFile))
        {
            await services.GetRequiredService<LedgerExport>().WriteAsync(output, ledger, AccessScope.WholeRegion(region.Id), kind, actor.Today, CancellationToken.None);
        }

        Console.WriteLine($"Written {outFile}");
        return 0;
    }

    private static bool TakesValue(string option) => option is "--kind" or "--format" or "--ledger" or "--region" or "--lang" or "--out";

    private static void SetCulture(string[] options)
    {
        var culture = CultureInfo.GetCultureInfo(Cli.Option(options, "--lang") is "en" ? "en" : "zh-CN");
        CultureInfo.CurrentUICulture = culture;
        CultureInfo.CurrentCulture = culture;
    }

    private static async Task<Region?> RegionAsync(DubanDb db, string[] options)
    {
        var code = Cli.Option(options, "--region");
        return code is null
            ? await db.Regions.IgnoreQueryFilters().OrderBy(r => r.Id).FirstOrDefaultAsync()
            : await db.Regions.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Code == code);
    }

    private static ImportActor Actor(Region region, IServiceProvider services)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(region.TimeZoneId);
        var utcNow = services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime;
        return new ImportActor(region.Id, null, "命令行导入", DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(utcNow, zone)), utcNow, zone);
    }

    private static void PrintText(ImportPreview preview, ImportResult? result, IStringLocalizer l)
    {
        if (preview.FileError is not null)
        {
            Console.WriteLine(preview.FileError);
            return;
        }

        var parse = preview.Parse!;
        Console.WriteLine(l["LedgerFiles.Sheet", parse.Sheet, parse.Title ?? string.Empty, parse.Year ?? 0, parse.Unit]);
        foreach (var column in parse.Columns)
        {
            Console.WriteLine($"  {column.Letter,-3} {column.Header} → {column.Field ?? "-"}");
        }

        foreach (var issue in parse.Issues.OrderBy(i => i.Row))
        {
            Console.WriteLine($"  {issue.Sheet}!{issue.Column}{issue.Row}  {issue.Severity}  {ImportJson.Message(l, issue)}");
        }

        Console.WriteLine(l["LedgerFiles.Summary", preview.Rows.Count, preview.Rows.Count(r => r.Action == RowAction.Create), preview.Rows.Count(r => r.Action == RowAction.Update), preview.Rows.Count(r => r.Action == RowAction.LeaveOut), parse.Issues.Count(i => i.Severity == Duban.Sheets.Ledgers.Severity.Error), parse.Issues.Count(i => i.Severity == Duban.Sheets.Ledgers.Severity.Warning)]);
        if (result is not null)
        {
            Console.WriteLine(l["LedgerFiles.Committed", result.Rows.Count(r => r.Action == RowAction.Create), result.Rows.Count(r => r.Action == RowAction.Update), result.Skipped.Count]);
        }
    }
}
