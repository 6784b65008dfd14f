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
        if (Cli.Option(options, "--kind") is "indicators")
        {
            return await ImportIndicatorsAsync(app, options, file);
        }

        if (Cli.Option(options, "--kind") is "leads")
        {
            return await ImportLeadsAsync(app, options, file);
        }

        var kind = LedgerFilesApi.KindOf(Cli.Option(options, "--kind"));
        var format = Cli.Option(options, "--format") ?? "text";
        var ledgerText = Cli.Option(options, "--ledger");
        int? ledgerId = int.TryParse(ledgerText, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        if (file is null || kind is null || format is not ("json" or "text") || (ledgerText is not null && ledgerId is null))
        {
            await Console.Error.WriteLineAsync("Usage: import FILE --kind tasks|projects|indicators [--dry-run] [--format json|text] [--ledger ID] [--region CODE] [--create-missing] [--lang zh-CN|en]");
            return 2;
        }

        var (path, tried) = FindInput(file);
        if (path is null)
        {
            await Console.Error.WriteLineAsync($"File not found: {file} (looked for {string.Join(" and ", tried)})");
            return 2;
        }

        SetCulture(options);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DubanDb>();
        var region = await ImportRegionAsync(app, services, db, options);
        if (region is null)
        {
            return 2;
        }

        var request = new ImportRequest(kind.Value, ledgerId, Path.GetFileName(path), await File.ReadAllBytesAsync(path), null, options.Contains("--create-missing"));
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

        if (format is "json")
        {
            Console.WriteLine(ImportJson.Of(preview, result, l).ToJsonString(ImportJson.Print));
        }
        else
        {
            PrintText(preview, result, l);
        }

        return preview.FileError is not null || (!dryRun && result is null) ? 1 : 0;
    }

    /// <summary>import FILE --kind indicators [--dry-run] [--format json] [--year Y] [--revision Flash|Preliminary|Final]: a statistics table.</summary>
    private static async Task<int> ImportIndicatorsAsync(WebApplication app, string[] options, string? file)
    {
        var format = Cli.Option(options, "--format") ?? "text";
        var yearText = Cli.Option(options, "--year");
        int? year = int.TryParse(yearText, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 2000 and <= 2100 ? y : null;
        var revisionText = Cli.Option(options, "--revision");
        var revision = Domain.Indicators.Revision.Flash;
        if (file is null || format is not ("json" or "text") || (yearText is not null && year is null)
            || (revisionText is not null && !(Enum.GetNames<Domain.Indicators.Revision>().Contains(revisionText, StringComparer.OrdinalIgnoreCase) && Enum.TryParse(revisionText, ignoreCase: true, out revision))))
        {
            await Console.Error.WriteLineAsync("Usage: import FILE --kind indicators [--dry-run] [--format json|text] [--year YYYY] [--revision Flash|Preliminary|Final] [--region CODE] [--lang zh-CN|en]");
            return 2;
        }

        return await RunImportAsync(app, options, file, async (services, path, region, actor, dryRun) =>
        {
            var result = await services.GetRequiredService<Features.Indicators.ImportIndicators>().RunAsync(
                new Features.Indicators.IndicatorImporter(region.Id, actor.Name, actor.Today, actor.UtcNow),
                new Features.Indicators.IndicatorImportRequest(Path.GetFileName(path), await File.ReadAllBytesAsync(path), year, revision), commit: !dryRun);
            if (format is "json")
            {
                Console.WriteLine(result.ToJson().ToJsonString(ImportJson.Print));
            }
            else
            {
                Console.WriteLine(result.FileError ?? $"{path}: {result.Year}年 1-{result.PeriodTo}月, {result.Figures} figures, {result.Errors} errors, {(result.Written ? "written" : "not written")}");
                foreach (var table in result.Tables)
                {
                    Console.WriteLine($"[{table.Sheet}] {table.Title} ({table.Rows.Count} rows)");
                    foreach (var issue in table.Issues)
                    {
                        Console.WriteLine($"  {(issue.Severity == Sheets.Ledgers.Severity.Error ? "ERROR" : "warn ")} row {issue.Row}{(issue.Column is null ? "" : " column " + issue.Column)}: {issue.Message}");
                    }
                }
            }

            return result.FileError is not null || result.Errors > 0 || (!dryRun && !result.Written) ? 1 : 0;
        });
    }

    /// <summary>import FILE --kind leads [--dry-run] [--format json]: the office's lead ledger (招商引资项目台账).</summary>
    private static async Task<int> ImportLeadsAsync(WebApplication app, string[] options, string? file)
    {
        var format = Cli.Option(options, "--format") ?? "text";
        if (file is null || format is not ("json" or "text"))
        {
            await Console.Error.WriteLineAsync("Usage: import FILE --kind leads [--dry-run] [--format json|text] [--region CODE] [--lang zh-CN|en]");
            return 2;
        }

        return await RunImportAsync(app, options, file, async (services, path, region, actor, dryRun) =>
        {
            var result = await services.GetRequiredService<Features.Leads.ImportLeads>().RunAsync(
                new Features.Leads.LeadImporter(region.Id, actor.Today, actor.UtcNow), Path.GetFileName(path), await File.ReadAllBytesAsync(path), commit: !dryRun);
            if (format is "json")
            {
                Console.WriteLine(result.ToJson().ToJsonString(ImportJson.Print));
            }
            else
            {
                Console.WriteLine(result.FileError ?? $"{path}: [{result.Sheet}] {result.Title}, {result.Rows.Count} leads, {result.Errors} errors, {(result.Written ? "written" : "not written")}");
                foreach (var row in result.Rows)
                {
                    Console.WriteLine($"  row {row.Row}: {row.Action} {row.Name} ({row.FollowingUnit}, {row.Stage})");
                }

                foreach (var issue in result.Issues)
                {
                    Console.WriteLine($"  {(issue.Severity == Sheets.Ledgers.Severity.Error ? "ERROR" : "warn ")} row {issue.Row}{(issue.Column is null ? "" : " column " + issue.Column)}: {issue.Message}");
                }
            }

            return result.FileError is not null || result.Errors > 0 || (!dryRun && !result.Written) ? 1 : 0;
        });
    }

    /// <summary>What every import command does around its reader: find the file, migrate, pick the region, then run it.</summary>
    private static async Task<int> RunImportAsync(WebApplication app, string[] options, string file, Func<IServiceProvider, string, Region, ImportActor, bool, Task<int>> run)
    {
        var (path, tried) = FindInput(file);
        if (path is null)
        {
            await Console.Error.WriteLineAsync($"File not found: {file} (looked for {string.Join(" and ", tried)})");
            return 2;
        }

        SetCulture(options);
        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var region = await ImportRegionAsync(app, services, services.GetRequiredService<DubanDb>(), options);
        return region is null ? 2 : await run(services, path, region, Actor(region, services), options.Contains("--dry-run"));
    }

    public static async Task<int> ExportAsync(WebApplication app, string[] options)
    {
        var outFile = Cli.Option(options, "--out");
        if (!int.TryParse(Cli.Option(options, "--ledger"), CultureInfo.InvariantCulture, out var ledgerId) || outFile is null)
        {
            await Console.Error.WriteLineAsync("Usage: export --ledger ID --out FILE.xlsx [--kind tasks|projects] [--region CODE]");
            return 2;
        }

        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<DubanDb>();
        var region = await RegionAsync(db, options);
        if (region is null)
        {
            await Console.Error.WriteLineAsync(await NoRegionAsync(db, options));
            return 2;
        }

        var ledger = await db.Ledgers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(l => l.Id == ledgerId && l.RegionId == region.Id);
        if (ledger is null)
        {
            await Console.Error.WriteLineAsync($"Ledger {ledgerId} not found in {region.Name} ({region.Code}).");
            return 2;
        }

        outFile = Path.GetFullPath(outFile, TypedIn().First());
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

    /// <summary>
    /// A relative path is taken from the directory it was typed in. <c>dotnet run --project …</c> starts the app in
    /// the project's directory but leaves the shell's PWD as it was, so PWD is tried first, then the process's own
    /// directory; the message names every path tried.
    /// </summary>
    internal static (string? Path, IReadOnlyList<string> Tried) FindInput(string file)
    {
        var tried = new List<string>();
        foreach (var directory in TypedIn())
        {
            var full = Path.GetFullPath(file, directory);
            if (!tried.Contains(full, StringComparer.Ordinal))
            {
                tried.Add(full);
            }

            if (File.Exists(full))
            {
                return (full, tried);
            }
        }

        return (null, tried);
    }

    /// <summary>The directories a relative path may have been typed in: the shell's (PWD), then the process's own.</summary>
    internal static IEnumerable<string> TypedIn()
    {
        if (Environment.GetEnvironmentVariable("PWD") is { Length: > 0 } pwd && Path.IsPathFullyQualified(pwd) && Directory.Exists(pwd))
        {
            yield return pwd;
        }

        yield return Environment.CurrentDirectory;
    }

    /// <summary>
    /// The region an import acts for. A fresh clone's database, before the app was ever started, is seeded with
    /// the demo as the app's first start would; with no region the reason and what to run go to stderr.
    /// </summary>
    private static async Task<Region?> ImportRegionAsync(WebApplication app, IServiceProvider services, DubanDb db, string[] options)
    {
        var region = await RegionAsync(db, options);
        if (region is null && Cli.Option(options, "--region") is null && !await db.Regions.IgnoreQueryFilters().AnyAsync() && DatabaseStartup.SeedsDemo(app.Configuration, app.Environment))
        {
            await DemoSeeder.SeedAsync(services);
            await Console.Error.WriteLineAsync($"The database was empty: seeded the demo county {DemoSeeder.RegionName} ({DemoSeeder.RegionCode}), as the app's first start in {app.Environment.EnvironmentName} does.");
            region = await RegionAsync(db, options);
        }

        if (region is null)
        {
            await Console.Error.WriteLineAsync(await NoRegionAsync(db, options));
        }

        return region;
    }

    /// <summary>Why there is no region to act for, and exactly what to run.</summary>
    private static async Task<string> NoRegionAsync(DubanDb db, string[] options)
    {
        var regions = await db.Regions.IgnoreQueryFilters().OrderBy(r => r.Id).Select(r => r.Name + " (" + r.Code + ")").ToListAsync();
        return regions.Count > 0
            ? $"No region with code {Cli.Option(options, "--region")}. The database holds: {string.Join(", ", regions)}."
            : "The database has no region yet. Run `dotnet run --project src/Duban.Web -- seed-demo` for the demo county, "
                + "or `create-admin --username NAME --password PASSWORD --region CODE --region-name NAME` for your own (then start the app once), and import again.";
    }

    private static bool TakesValue(string option) => option is "--kind" or "--format" or "--ledger" or "--region" or "--lang" or "--out" or "--year" or "--revision";

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
            Console.WriteLine($"  {column.Letter,-3} {column.Display} → {column.Field ?? (column.Unmapped ? l["LedgerFiles.Unmapped"].Value : "-")}");
        }

        foreach (var word in parse.Words)
        {
            Console.WriteLine($"  {word.Field}: {word.Text} → {ImportJson.WordMeaning(l, word) ?? l["LedgerFiles.WordUnknown"].Value}");
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
