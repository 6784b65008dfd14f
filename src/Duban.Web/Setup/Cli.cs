using System.Globalization;
using Duban.Data;
using Duban.Domain.Access;
using Duban.Domain.Organisation;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Duban.Web.Setup;

/// <summary>
/// The same executable runs the web app (no command, or "serve") and the operator's commands.
/// Each command uses the app's own configuration, so it works on whichever database the app uses.
/// </summary>
public static class Cli
{
    private static readonly string[] Commands = ["serve", "migrate", "seed-demo", "create-admin", "backup", "import", "export", "verify-audit", "help"];

    public static (string? Command, string[] Options) Split(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return (null, args);
        }

        var command = args[0] == "serve" ? null : args[0];
        return (command, args[1..]);
    }

    public static async Task<int> RunAsync(WebApplication app, string command, string[] options)
    {
        ArgumentNullException.ThrowIfNull(app);
        switch (command)
        {
            case "migrate":
                await DatabaseStartup.MigrateAsync(app.Services);
                Console.WriteLine("Database is up to date.");
                return 0;
            case "seed-demo":
                await DatabaseStartup.MigrateAsync(app.Services);
                await using (var scope = app.Services.CreateAsyncScope())
                {
                    var seeded = await DemoSeeder.SeedAsync(scope.ServiceProvider);
                    Console.WriteLine(seeded ? "Demo region seeded." : "The demo region already exists; nothing was changed.");
                }

                PrintDemoSignIns();
                return 0;
            case "create-admin":
                return await CreateAdminAsync(app, options);
            case "backup":
                return await BackupAsync(app, options);
            case "import":
                return await LedgerFileCommands.ImportAsync(app, options);
            case "export":
                return await LedgerFileCommands.ExportAsync(app, options);
            case "verify-audit":
                return await VerifyAuditAsync(app, options);
            case "help" or "--help":
                PrintUsage();
                return 0;
            default:
                Console.Error.WriteLine($"Unknown command '{command}'.");
                PrintUsage();
                return 2;
        }
    }

    public static void AnnounceWhenStarted(WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Lifetime.ApplicationStarted.Register(() =>
        {
            var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
            var database = app.Services.GetRequiredService<DatabaseOptions>();
            Console.WriteLine();
            Console.WriteLine("Duban 督办 is running.");
            foreach (var address in addresses)
            {
                Console.WriteLine($"  Open: {address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal)}");
            }

            Console.WriteLine(database.Provider == DatabaseProvider.Sqlite
                ? $"  Database: SQLite file {new SqliteConnectionStringBuilder(database.ConnectionString).DataSource}"
                : $"  Database: PostgreSQL {new NpgsqlConnectionStringBuilder(database.ConnectionString).Host}/{new NpgsqlConnectionStringBuilder(database.ConnectionString).Database}");
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
            if (db.Regions.IgnoreQueryFilters().Any(r => r.Code == DemoSeeder.RegionCode))
            {
                PrintDemoSignIns();
            }
            else if (!db.Users.IgnoreQueryFilters().Any())
            {
                Console.WriteLine("  " + DatabaseStartup.CreateAdminHint);
            }

            Console.WriteLine("  Stop with Ctrl+C.");
            Console.WriteLine();
        });
    }

    private static void PrintDemoSignIns()
    {
        Console.WriteLine($"  Demo sign-ins (password {DemoSeeder.Password} for each, unless changed):");
        foreach (var (user, _, description) in DemoSeeder.Accounts)
        {
            Console.WriteLine($"    {user,-12} {description}");
        }
    }

    private static async Task<int> CreateAdminAsync(WebApplication app, string[] options)
    {
        var userName = Option(options, "--username");
        var password = Option(options, "--password");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(password))
        {
            Console.Error.WriteLine("Usage: create-admin --username NAME --password PASSWORD [--region CODE] [--region-name NAME]");
            return 2;
        }

        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var code = Option(options, "--region");
        var region = code is null
            ? await db.Regions.IgnoreQueryFilters().OrderBy(r => r.Id).FirstOrDefaultAsync()
            : await db.Regions.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Code == code);
        if (region is null)
        {
            region = new Region { Name = Option(options, "--region-name") ?? "本级", Code = code ?? "000000" };
            db.Regions.Add(region);
            await db.SaveChangesAsync();
            var root = new Unit { RegionId = region.Id, Name = region.Name, Kind = UnitKind.Leadership };
            db.Units.Add(root);
            await db.SaveChangesAsync();
            root.Path = UnitPath.Child(UnitPath.Root, root.Id);
            await db.SaveChangesAsync();
        }

        var rootUnit = await db.Units.IgnoreQueryFilters().Where(u => u.RegionId == region.Id && u.ParentId == null).OrderBy(u => u.Id).FirstAsync();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<Account>>();
        var account = new Account
        {
            UserName = userName,
            DisplayName = userName,
            RegionId = region.Id,
            UnitId = rootUnit.Id,
            CreatedAt = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            foreach (var error in created.Errors)
            {
                Console.Error.WriteLine(error.Description);
            }

            return 1;
        }

        await users.AddToRoleAsync(account, Roles.SystemAdmin);
        Console.WriteLine($"Administrator '{userName}' created in region {region.Name} ({region.Code}).");
        return 0;
    }

    private static async Task<int> BackupAsync(WebApplication app, string[] options)
    {
        var database = app.Services.GetRequiredService<DatabaseOptions>();
        var stamp = app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture);
        if (database.Provider == DatabaseProvider.Postgres)
        {
            var cs = new NpgsqlConnectionStringBuilder(database.ConnectionString);
            var file = Option(options, "--out") ?? $"duban-{stamp}.dump";
            Console.WriteLine("PostgreSQL is backed up with its own tool. Run:");
            Console.WriteLine($"  PGPASSWORD=... pg_dump --format=custom --host={cs.Host} --port={cs.Port} --username={cs.Username} --dbname={cs.Database} --file={file}");
            return 0;
        }

        var target = Path.GetFullPath(Option(options, "--out") ?? Path.Combine(database.DataDirectory, "backups", $"duban-{stamp}.db"));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);

        // SQLite's online backup copies a consistent snapshot while the app keeps serving.
        await using var source = new SqliteConnection(database.ConnectionString);
        await using var destination = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = target, Pooling = false }.ToString());
        await source.OpenAsync();
        await destination.OpenAsync();
        source.BackupDatabase(destination);
        Console.WriteLine($"Backup written to {target}");
        return 0;
    }

    /// <summary>Every region's audit chain (or one region's, against an anchor): exit 0 when all hold, 1 when one is broken.</summary>
    private static async Task<int> VerifyAuditAsync(WebApplication app, string[] options)
    {
        var code = Option(options, "--region");
        var anchorText = Option(options, "--anchor");
        var anchor = Duban.Domain.Audit.ChainAnchor.Parse(anchorText);
        if ((anchorText is not null && anchor is null) || (anchor is not null && code is null))
        {
            Console.Error.WriteLine("Usage: verify-audit [--region CODE [--anchor SEQUENCE:HASH]]");
            return 2;
        }

        await DatabaseStartup.MigrateAsync(app.Services);
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DubanDb>();
        var verify = scope.ServiceProvider.GetRequiredService<Features.Audit.VerifyAuditChain>();
        var regions = await db.Regions.IgnoreQueryFilters().ToDictionaryAsync(r => r.Id, r => $"{r.Name} ({r.Code})");
        IReadOnlyList<Features.Audit.AuditChainState> states;
        if (code is not null)
        {
            var region = await db.Regions.IgnoreQueryFilters().FirstOrDefaultAsync(r => r.Code == code);
            if (region is null)
            {
                Console.Error.WriteLine($"No region with code {code}.");
                return 2;
            }

            states = [await verify.RunAsync(region.Id, anchor)];
        }
        else
        {
            states = await verify.RunAllAsync();
        }

        foreach (var state in states)
        {
            var name = state.RegionId is { } id ? regions.GetValueOrDefault(id, $"region {id}") : "(no region)";
            Console.WriteLine(state.Break is { } broken
                ? $"{name}: BROKEN at sequence {broken.Sequence} ({broken.Kind}{(broken.EntryId is { } entry ? $", entry {entry}" : string.Empty)}); verified through {state.VerifiedThrough}"
                : $"{name}: intact, {state.VerifiedThrough} entries; head {state.Anchor ?? "(empty)"}");
        }

        return states.All(s => s.Intact) ? 0 : 1;
    }

    internal static string? Option(string[] options, string name)
    {
        var i = Array.IndexOf(options, name);
        return i >= 0 && i + 1 < options.Length ? options[i + 1] : null;
    }

    private static void PrintUsage()
    {
        Console.WriteLine("Usage: Duban.Web [command] [options]");
        Console.WriteLine($"Commands: {string.Join(", ", Commands)}");
        Console.WriteLine("  (none) | serve    run the web app (migrates; seeds the demo on first start in Development or with Duban:SeedDemoOnFirstStart=true)");
        Console.WriteLine("  migrate           bring the database schema up to date");
        Console.WriteLine("  seed-demo         add the demo county, its units, people and accounts");
        Console.WriteLine("  create-admin      --username NAME --password PASSWORD [--region CODE] [--region-name NAME]");
        Console.WriteLine("  backup            [--out FILE]  SQLite online backup; for PostgreSQL prints the pg_dump line");
        Console.WriteLine("  import FILE       --kind tasks|projects [--dry-run] [--format json|text] [--ledger ID] [--region CODE] [--create-missing] [--lang zh-CN|en]");
        Console.WriteLine("  export            --ledger ID --out FILE.xlsx [--kind tasks|projects] [--region CODE]");
        Console.WriteLine("  verify-audit      [--region CODE [--anchor SEQUENCE:HASH]]  walk every audit chain; exit 1 if one is broken");
    }
}
