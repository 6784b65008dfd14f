using System.Diagnostics;
using Duban.IntegrationTests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Duban.IntegrationTests.Cli;

/// <summary>The operator's commands, run as a separate process exactly as an operator runs them.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("duban-cli-").FullName;

    private string Db => Path.Combine(dir, "duban.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(dir, recursive: true);
    }

    private ProcessStartInfo StartInfo(string provider, string connection, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = dir,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Duban.Web.dll"));
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment["Database__Provider"] = provider;
        start.Environment["ConnectionStrings__Duban"] = connection;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return start;
    }

    private Task<(int Exit, string Out, string Err)> RunAsync(string provider, string connection, params string[] args) => RunAsync(StartInfo(provider, connection, args));

    private static async Task<(int Exit, string Out, string Err)> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await stdout, await stderr);
    }

    private Task<(int Exit, string Out, string Err)> Sqlite(params string[] args) => RunAsync("Sqlite", $"Data Source={Db}", args);

    private long Scalar(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }

    private void Execute(string sql)
    {
        using var connection = new SqliteConnection($"Data Source={Db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    [Fact]
    public async Task Migrate_then_seed_demo_builds_the_demo_county_once()
    {
        var migrate = await Sqlite("migrate");
        Assert.True(migrate.Exit == 0, migrate.Err);
        Assert.Contains("Database is up to date.", migrate.Out, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM Units"));
        Assert.Equal(Duban.Domain.Access.Roles.All.Count, Scalar("SELECT COUNT(*) FROM AspNetRoles"));

        var seed = await Sqlite("seed-demo");
        Assert.True(seed.Exit == 0, seed.Err);
        Assert.Contains("Demo region seeded.", seed.Out, StringComparison.Ordinal);
        Assert.Contains("duchashi", seed.Out, StringComparison.Ordinal);
        var units = Scalar("SELECT COUNT(*) FROM Units");
        Assert.InRange(units, 28, 40);
        Assert.True(Scalar("SELECT COUNT(*) FROM AuditEntries WHERE EntityType = 'Unit'") >= units);

        var again = await Sqlite("seed-demo");
        Assert.Contains("already exists", again.Out, StringComparison.Ordinal);
        Assert.Equal(units, Scalar("SELECT COUNT(*) FROM Units"));
    }

    /// <summary>Serves as a deployment would, until the start-up banner is out, then stops the server.</summary>
    private async Task<string> ServeUntilStartedAsync(string environment)
    {
        var start = StartInfo("Sqlite", $"Data Source={Db}");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        start.Environment["Urls"] = "http://127.0.0.1:0";
        start.Environment["Duban__Lights__RecomputeMinutes"] = "0";
        start.Environment["Duban__Reminders__EveryMinutes"] = "0";
        start.Environment["Duban__Bulletins__EveryMinutes"] = "0";
        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        try
        {
            while (await process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                output.AppendLine(line);
                if (line.Contains("Stop with Ctrl+C.", StringComparison.Ordinal))
                {
                    break;
                }
            }
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }

        Assert.True(output.ToString().Contains("Duban 督办 is running.", StringComparison.Ordinal), output + await stderr);
        return output.ToString();
    }

    [Fact]
    public async Task A_deployment_started_on_an_empty_database_seeds_nothing_and_says_how_to_create_the_administrator()
    {
        var output = await ServeUntilStartedAsync("Production");
        Assert.Contains("No accounts yet. Create the system administrator: dotnet Duban.Web.dll create-admin --username NAME --password PASSWORD", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Demo sign-ins", output, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM Regions"));
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM AspNetUsers"));
        Assert.Equal(Duban.Domain.Access.Roles.All.Count, Scalar("SELECT COUNT(*) FROM AspNetRoles"));

        // Once the administrator exists, the hint is gone, and still no demo appears.
        Assert.Equal(0, (await Sqlite("create-admin", "--username", "boss", "--password", "Chief#2026x", "--region", "990999", "--region-name", "测试县")).Exit);
        var again = await ServeUntilStartedAsync("Production");
        Assert.DoesNotContain("No accounts yet", again, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM Regions"));
    }

    [Fact]
    public async Task The_newcomers_run_in_Development_seeds_the_demo_county_and_prints_its_sign_ins()
    {
        var output = await ServeUntilStartedAsync("Development");
        Assert.Contains("Demo sign-ins (password Duban@2026", output, StringComparison.Ordinal);
        Assert.Contains("duchashi", output, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM Regions WHERE Code = '990101'"));
    }

    [Fact]
    public async Task Create_admin_makes_a_working_administrator_and_refuses_a_weak_password()
    {
        var weak = await Sqlite("create-admin", "--username", "boss", "--password", "123");
        Assert.Equal(1, weak.Exit);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM AspNetUsers"));

        var made = await Sqlite("create-admin", "--username", "boss", "--password", "Chief#2026x", "--region-name", "测试县", "--region", "990999");
        Assert.True(made.Exit == 0, made.Err + made.Out);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM AspNetUsers u JOIN AspNetUserRoles ur ON ur.UserId = u.Id JOIN AspNetRoles r ON r.Id = ur.RoleId WHERE u.UserName = 'boss' AND r.Name = 'SystemAdmin'"));
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM Regions WHERE Code = '990999'"));

        var usage = await Sqlite("create-admin");
        Assert.Equal(2, usage.Exit);
    }

    [Fact]
    public async Task Backup_writes_a_consistent_copy_that_opens()
    {
        await Sqlite("seed-demo");
        var target = Path.Combine(dir, "copy.db");
        var backup = await Sqlite("backup", "--out", target);
        Assert.True(backup.Exit == 0, backup.Err);
        using var copy = new SqliteConnection($"Data Source={target};Pooling=False");
        copy.Open();
        using var command = copy.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM Units";
        Assert.Equal(Scalar("SELECT COUNT(*) FROM Units"), (long)command.ExecuteScalar()!);
    }

    [Fact]
    public async Task Backup_on_postgres_prints_the_pg_dump_line()
    {
        var result = await RunAsync("Postgres", "Host=db.internal;Port=5433;Username=duban;Database=duban", "backup");
        Assert.Equal(0, result.Exit);
        Assert.Contains("pg_dump --format=custom --host=db.internal --port=5433 --username=duban --dbname=duban", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Verify_audit_walks_every_chain_and_exits_1_on_the_first_broken_link()
    {
        await Sqlite("seed-demo");
        var intact = await Sqlite("verify-audit");
        Assert.True(intact.Exit == 0, intact.Err + intact.Out);
        Assert.Matches(@"青山县 \(990101\): intact, \d+ entries; head \d+:[0-9a-f]{64}", intact.Out);
        var head = System.Text.RegularExpressions.Regex.Match(intact.Out, @"head (\d+:[0-9a-f]{64})").Groups[1].Value;
        Assert.Equal(0, (await Sqlite("verify-audit", "--region", "990101", "--anchor", head)).Exit);

        // Someone with the file drops the trigger and edits the fifth entry.
        var fifth = Scalar("SELECT Id FROM AuditEntries WHERE ChainSequence = 5");
        Execute($"DROP TRIGGER AuditEntries_SealOnce; UPDATE AuditEntries SET ActorName = 'nobody' WHERE Id = {fifth}");
        var broken = await Sqlite("verify-audit");
        Assert.Equal(1, broken.Exit);
        Assert.Contains($"青山县 (990101): BROKEN at sequence 5 (Altered, entry {fifth}); verified through 4", broken.Out, StringComparison.Ordinal);
        Assert.Equal(2, (await Sqlite("verify-audit", "--anchor", head)).Exit);
    }

    [Fact]
    public async Task An_unknown_command_says_how_to_use_the_tool()
    {
        var result = await Sqlite("frobnicate");
        Assert.Equal(2, result.Exit);
        Assert.Contains("Unknown command 'frobnicate'", result.Err, StringComparison.Ordinal);
        Assert.Contains("create-admin", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_dry_run_prints_the_parse_as_json_then_import_and_export_write_and_read_the_ledger()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "重点项目推进台账-样例.xlsx");
        Assert.Equal(0, (await Sqlite("seed-demo")).Exit);
        var projects = Scalar("SELECT COUNT(*) FROM \"Projects\"");

        var dry = await Sqlite("import", sample, "--kind", "projects", "--dry-run", "--format", "json");
        Assert.True(dry.Exit == 0, dry.Err);
        using var json = System.Text.Json.JsonDocument.Parse(dry.Out);
        var root = json.RootElement;
        Assert.Equal("万元", root.GetProperty("unit").GetString());
        Assert.Equal(10, root.GetProperty("rows").GetArrayLength());
        var first = root.GetProperty("rows")[0];
        Assert.Equal(6, first.GetProperty("row").GetInt32());
        Assert.Equal("年产20万套新能源汽车电驱系统项目", first.GetProperty("fields").GetProperty("name").GetString());
        Assert.Equal(61200, first.GetProperty("fields").GetProperty("completedToDate").GetDecimal());
        Assert.Equal("县经信局", first.GetProperty("fields").GetProperty("leadUnit").GetString());
        var issue = root.GetProperty("issues").EnumerateArray().First(i => i.GetProperty("code").GetString() == "unitUnknown");
        Assert.Equal("error", issue.GetProperty("severity").GetString());
        Assert.Equal("N", issue.GetProperty("column").GetString());
        Assert.Contains("县经信局", issue.GetProperty("message").GetString(), StringComparison.Ordinal);
        Assert.Equal(projects, Scalar("SELECT COUNT(*) FROM \"Projects\""));

        var import = await Sqlite("import", sample, "--kind", "projects", "--create-missing");
        Assert.True(import.Exit == 0, import.Out + import.Err);
        Assert.Contains("新增 10 行", import.Out, StringComparison.Ordinal);
        Assert.Equal(projects + 10, Scalar("SELECT COUNT(*) FROM \"Projects\""));
        var ledger = Scalar("SELECT MAX(\"LedgerId\") FROM \"WorkItems\" WHERE \"Kind\" = 'KeyProject'");

        var file = Path.Combine(dir, "out.xlsx");
        var export = await Sqlite("export", "--ledger", ledger.ToString(System.Globalization.CultureInfo.InvariantCulture), "--out", file);
        Assert.True(export.Exit == 0, export.Err);
        var parse = Duban.Sheets.Ledgers.LedgerReader.Read(Duban.Sheets.XlsxReader.Read(File.OpenRead(file)), Duban.Sheets.Ledgers.LedgerKind.Projects);
        Assert.Equal(10, parse.Rows.Count);

        var bad = await Sqlite("import", Path.Combine(dir, "missing.xlsx"), "--kind", "projects");
        Assert.Equal(2, bad.Exit);
    }

    [Fact]
    public async Task Import_of_the_bureaus_statistics_table_prints_each_figure_as_a_number_and_writes_only_without_dry_run()
    {
        var sample = Path.Combine(AppContext.BaseDirectory, "samples", "indicators", "主要经济指标-样例.xlsx");
        Assert.Equal(0, (await Sqlite("seed-demo")).Exit);
        var values = Scalar("SELECT COUNT(*) FROM \"IndicatorValues\"");

        var dry = await Sqlite("import", sample, "--kind", "indicators", "--dry-run", "--format", "json");
        Assert.True(dry.Exit == 0, dry.Err);
        using var json = System.Text.Json.JsonDocument.Parse(dry.Out);
        var root = json.RootElement;
        Assert.Equal(2026, root.GetProperty("year").GetInt32());
        Assert.Equal(6, root.GetProperty("periodTo").GetInt32());
        var tables = root.GetProperty("tables");
        Assert.Equal(2, tables.GetArrayLength());
        var rows = tables[0].GetProperty("rows").EnumerateArray().ToDictionary(r => r.GetProperty("fields").GetProperty("indicator").GetString()!, r => r.GetProperty("fields"));
        Assert.Equal("一般公共预算收入", rows["税收收入"].GetProperty("parent").GetString());
        Assert.Equal(38100m, rows["税收收入"].GetProperty("value").GetDecimal());
        Assert.Equal("万元", rows["税收收入"].GetProperty("measure").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows["固定资产投资"].GetProperty("value").ValueKind);
        Assert.Equal(-2.3m, rows["规上工业总产值"].GetProperty("yoy").GetDecimal());
        Assert.Equal(3, rows["地区生产总值"].GetProperty("periodTo").GetInt32());
        var towns = tables[1].GetProperty("rows").EnumerateArray().Where(r => r.GetProperty("fields").TryGetProperty("unitName", out _)).ToList();
        Assert.Equal(["城关镇", "河口镇", "青石镇", "白沙乡"], towns.Select(r => r.GetProperty("fields").GetProperty("unitName").GetString()));
        Assert.Equal(3, towns[1].GetProperty("fields").GetProperty("rank").GetInt32());
        Assert.Contains(tables[0].GetProperty("issues").EnumerateArray(), i => i.GetProperty("code").GetString() == "remark" && i.GetProperty("row").GetInt32() == 8);
        Assert.Equal(values, Scalar("SELECT COUNT(*) FROM \"IndicatorValues\""));

        var import = await Sqlite("import", sample, "--kind", "indicators");
        Assert.True(import.Exit == 0, import.Out + import.Err);
        Assert.Contains("written", import.Out, StringComparison.Ordinal);

        // Each figure of the file is now recorded from it, six of the county and four of the towns (the 合计 row left out;
        // the demo's figures of the same period and revision replaced).
        Assert.Equal(10, Scalar("SELECT COUNT(*) FROM \"IndicatorValues\" WHERE \"Source\" LIKE '主要经济指标-样例.xlsx%'"));
        Assert.Equal(values, Scalar("SELECT COUNT(*) FROM \"IndicatorValues\""));

        var usage = await Sqlite("import", sample, "--kind", "indicators", "--revision", "Flash,Final");
        Assert.Equal(2, usage.Exit);
    }

    /// <summary>As <c>dotnet run --project src/Duban.Web -- import …</c> runs it: the process in the project's directory, the shell's PWD where the person typed.</summary>
    private ProcessStartInfo TypedIn(string typedIn, string environment, params string[] args)
    {
        var start = StartInfo("Sqlite", $"Data Source={Db}", args);
        start.Environment["PWD"] = typedIn;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        return start;
    }

    [Fact]
    public async Task The_readme_import_works_on_a_fresh_database_with_a_path_relative_to_where_it_was_typed()
    {
        var relative = Path.Combine("samples", "招商引资项目台账-样例.xlsx");
        var (exit, stdout, stderr) = await RunAsync(TypedIn(AppContext.BaseDirectory, "Development", "import", relative, "--kind", "projects", "--dry-run", "--format", "json"));

        Assert.True(exit == 0, stderr + stdout);
        Assert.Contains("seeded the demo county 青山县 (990101)", stderr, StringComparison.Ordinal);
        Assert.Equal(1, Scalar("SELECT COUNT(*) FROM Regions"));
        using var json = System.Text.Json.JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(6, root.GetProperty("rows").GetArrayLength());
        Assert.Contains(root.GetProperty("columns").EnumerateArray(), c => c.GetProperty("header").GetString() == "包联县领导" && c.GetProperty("field").GetString() == "leader");
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM \"Projects\" p JOIN \"WorkItems\" w ON w.\"Id\" = p.\"WorkItemId\" WHERE w.\"Name\" = '年产5GWh储能电池项目'"));

        // Once there, the demo is not seeded again.
        var again = await RunAsync(TypedIn(AppContext.BaseDirectory, "Development", "import", relative, "--kind", "projects", "--dry-run"));
        Assert.True(again.Exit == 0, again.Err);
        Assert.DoesNotContain("seeded", again.Err, StringComparison.Ordinal);
        Assert.Contains("包联县领导 → leader", again.Out, StringComparison.Ordinal);
        Assert.Contains("终止", again.Out, StringComparison.Ordinal);

        // A file cut in half: its error in the language asked for, exit 1, no stack trace.
        var whole = await File.ReadAllBytesAsync(Path.Combine(AppContext.BaseDirectory, relative));
        await File.WriteAllBytesAsync(Path.Combine(dir, "cut.xlsx"), whole[..(whole.Length / 2)]);
        var cut = await RunAsync(TypedIn(dir, "Development", "import", "cut.xlsx", "--kind", "projects", "--lang", "en"));
        Assert.Equal(1, cut.Exit);
        Assert.Contains("The file is damaged or incomplete", cut.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", cut.Out + cut.Err, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deployment_database_without_a_region_says_exactly_what_to_run_and_a_missing_file_names_each_path_tried()
    {
        var relative = Path.Combine("samples", "招商引资项目台账-样例.xlsx");
        var production = await RunAsync(TypedIn(AppContext.BaseDirectory, "Production", "import", relative, "--kind", "projects", "--dry-run"));
        Assert.Equal(2, production.Exit);
        Assert.Contains("has no region yet", production.Err, StringComparison.Ordinal);
        Assert.Contains("-- seed-demo", production.Err, StringComparison.Ordinal);
        Assert.Contains("create-admin", production.Err, StringComparison.Ordinal);
        Assert.Equal(0, Scalar("SELECT COUNT(*) FROM Regions"));

        var typedIn = Directory.CreateDirectory(Path.Combine(dir, "typed-here")).FullName;
        var missing = await RunAsync(TypedIn(typedIn, "Development", "import", Path.Combine("tests", "nothing.xlsx"), "--kind", "tasks"));
        Assert.Equal(2, missing.Exit);
        Assert.Contains($"File not found: {Path.Combine("tests", "nothing.xlsx")}", missing.Err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(typedIn, "tests", "nothing.xlsx"), missing.Err, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(dir, "tests", "nothing.xlsx"), missing.Err, StringComparison.Ordinal);

        var usage = await Sqlite("import", "x.xlsx", "--kind", "projects", "--ledger", "abc");
        Assert.Equal(2, usage.Exit);
        Assert.Contains("Usage: import FILE", usage.Err, StringComparison.Ordinal);
    }
}
