using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Duban.Domain.Access;
using Duban.IntegrationTests.Infrastructure;
using Duban.Web.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Duban.IntegrationTests.Contract;

/// <summary>
/// Every operation of the committed API contract (docs/openapi/v1.json), sent boundary and malformed values in each
/// of its path and query parameters and body fields, one at a time in an otherwise valid request, by a role that may
/// use it (the office, and the liaison where a liaison may): the answer is never a server error, a 400 says what is
/// wrong in the caller's language, a value that cannot be right is never accepted, and a refused request leaves the
/// database as it was. The app has a database of its own: the valid values around each bad one are written for real.
/// </summary>
public abstract partial class ApiFuzzTests(DubanFactory app, ITestOutputHelper output)
{
    private static readonly string Contract = Path.Combine(Repo.Root, "docs", "openapi", "v1.json");

    /// <summary>What an API may answer to input it does not take, besides a success for input that is fine.</summary>
    private static readonly HashSet<int> Refusals = [400, 403, 404, 409, 413, 415, 422];

    private static readonly string TenThousand = new('x', 10_000);
    private static readonly string TenThousandHan = new('汉', 10_000);

    private readonly Dictionary<string, int> ids = new(StringComparer.Ordinal);
    private int serial;

    private TestData D => app.Data;

    /// <summary>One request: which value went where, and whether that value can never be right.</summary>
    private sealed record Probe(string Method, string Url, Func<HttpContent?> Body, string What, bool MustRefuse, bool AlsoInEnglish = false);

    /// <summary>A value for a field or parameter: raw JSON in bodies, text in queries, paths and forms.</summary>
    private sealed record Value(string Text, bool MustRefuse, bool AlsoInEnglish = false);

    [Fact]
    public async Task Every_operation_answers_bad_input_with_a_message_never_a_server_error_and_writes_nothing()
    {
        var doc = JsonNode.Parse(await File.ReadAllTextAsync(Contract))!;
        var permissions = RoutePermissions();
        var users = new[] { "duchashi", "chengguan", "leader", "admin", "auditor" };
        var chinese = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        var english = new Dictionary<string, HttpClient>(StringComparer.Ordinal);
        foreach (var user in users)
        {
            chinese[user] = await D.ApiClientAsync(user);
            english[user] = await D.ApiClientAsync(user, "en");
        }

        await PrepareTargetsAsync(chinese["duchashi"]);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var sent = 0;
        var clock = Stopwatch.StartNew();

        // Requests that may not have written (every refused one, every read) wait here until the next look at the
        // database: before a request that may be taken and write, after a write, and after each operation.
        var looks = 0;
        async Task<DatabaseFingerprint> LookAsync()
        {
            looks++;
            return await DatabaseFingerprint.TakeAsync(app);
        }

        // The look sees a write, even one that changes no row count: a unit's sort order changed through the API.
        var before = await LookAsync();
        var moved = await chinese["duchashi"].PutAsJsonAsync($"/api/v1/units/{ids["units"]}", new { name = "模糊测试单位", kind = "Department", parentId = D.RootUnitId, sortOrder = 7 });
        Assert.True(moved.IsSuccessStatusCode, await moved.Content.ReadAsStringAsync());
        var afterMove = await LookAsync();
        var moves = before.Differences(afterMove);
        Assert.True(moves.Any(t => t.StartsWith("Units ", StringComparison.Ordinal)), "The fingerprint did not see a unit change: " + string.Join(", ", moves));
        before = afterMove;
        var unverified = new List<string>();
        async Task CheckpointAsync()
        {
            if (unverified.Count == 0)
            {
                return;
            }

            var after = await LookAsync();
            if (before.Differences(after) is { Count: > 0 } changed)
            {
                var suspects = unverified.Count <= 3 ? string.Join("; ", unverified) : $"{unverified.Count} requests from {unverified[0]} to {unverified[^1]}";
                failures.Add($"wrote {string.Join(", ", changed)} in answer to {suspects}");
            }

            before = after;
            unverified.Clear();
        }

        foreach (var (path, item) in doc["paths"]!.AsObject())
        {
            foreach (var (method, operation) in item!.AsObject())
            {
                var verb = method.ToUpperInvariant();
                Assert.True(permissions.TryGetValue((verb, path), out var permission), $"{verb} {path} is in the contract, but the app has no such route declaring a permission.");
                foreach (var user in UsersFor(permission))
                {
                    foreach (var probe in Probes(doc, path, verb, operation!, user))
                    {
                        if (verb != "GET" && !probe.MustRefuse)
                        {
                            await CheckpointAsync();
                        }

                        foreach (var inEnglish in probe.AlsoInEnglish ? new[] { false, true } : [false])
                        {
                            using var request = new HttpRequestMessage(new HttpMethod(probe.Method), probe.Url) { Content = probe.Body() };
                            using var response = await (inEnglish ? english : chinese)[user].SendAsync(request);
                            sent++;
                            var status = (int)response.StatusCode;
                            statuses[status] = statuses.GetValueOrDefault(status) + 1;
                            var what = $"{user} {probe.Method} {Short(probe.Url)} [{probe.What}{(inEnglish ? ", en" : string.Empty)}]";
                            if (await WrongAsync(probe, response, inEnglish) is { } wrong)
                            {
                                failures.Add($"{what}: {wrong}");
                            }

                            if (verb == "GET" || status >= 400)
                            {
                                unverified.Add($"{what} → {status}");
                            }
                            else
                            {
                                // Taken, and free to write: what it wrote is the new state to compare with.
                                before = await LookAsync();
                                unverified.Clear();
                            }
                        }
                    }

                    await CheckpointAsync();
                }
            }
        }

        output.WriteLine($"{app.Provider}: {sent} requests and {looks} looks at the database in {clock.Elapsed.TotalSeconds:0.0} s; answers: {string.Join(", ", statuses.Select(s => $"{s.Key}×{s.Value}"))}");
        Assert.True(sent > 2000, $"Only {sent} requests were made: the contract was not read as expected.");
        foreach (var failure in failures)
        {
            output.WriteLine(failure);
        }

        Assert.True(failures.Count == 0, $"{failures.Count} of {sent} requests were answered wrongly:\n" + string.Join("\n", failures.Take(100)));
    }

    /// <summary>The permission each API route declares, by method and path as the contract writes it.</summary>
    private Dictionary<(string Method, string Path), Permission> RoutePermissions()
    {
        var endpoints = app.Services.GetRequiredService<IEnumerable<EndpointDataSource>>().SelectMany(s => s.Endpoints).OfType<RouteEndpoint>();
        var map = new Dictionary<(string, string), Permission>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<RequiresAttribute>() is { } requires && endpoint.RoutePattern.RawText is { } raw)
            {
                foreach (var method in endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                {
                    map[(method, "/" + RouteParameter().Replace(raw.Trim('/'), "{$1}"))] = requires.Permission;
                }
            }
        }

        return map;
    }

    /// <summary>The office for everything it may do, else the first role that may; and the liaison too where a liaison may.</summary>
    private static IEnumerable<string> UsersFor(Permission permission)
    {
        (string Role, string User)[] order = [(Roles.SupervisionOffice, "duchashi"), (Roles.Liaison, "chengguan"), (Roles.Leader, "leader"), (Roles.SystemAdmin, "admin"), (Roles.Auditor, "auditor")];
        var first = order.First(o => PermissionTable.AnyReach([o.Role], permission)).User;
        yield return first;
        if (first != "chengguan" && PermissionTable.AnyReach([Roles.Liaison], permission))
        {
            yield return "chengguan";
        }
    }

    /// <summary>
    /// Things of the fuzz's own to change, where changing the demo's would end the callers' own access (an account
    /// locked, a liaison's unit moved): a unit, a person and an account; the rest are the test data's.
    /// </summary>
    private async Task PrepareTargetsAsync(HttpClient office)
    {
        var unit = await office.PostAsJsonAsync("/api/v1/units", new { name = "模糊测试单位", kind = "Department", parentId = D.RootUnitId });
        ids["units"] = await IdOfAsync(unit);
        var person = await office.PostAsJsonAsync("/api/v1/people", new { name = "模糊测试人", unitId = ids["units"] });
        ids["people"] = await IdOfAsync(person);
        ids["accounts"] = await D.NewAccountAsync("fuzz-target", Roles.Liaison, ids["units"], "Fuzz@2026-target");
        ids["calendar"] = await app.WithDbAsync(db => db.CalendarDays.Select(d => d.Id).FirstAsync());
        ids["history"] = D.UnitB;
        ids["ledgers"] = D.LedgerId;
        ids["tasks"] = D.TaskB;
        ids["reviews"] = D.ReviewB;
        ids["notices"] = D.NoticeB;
        ids["projects"] = D.ProjectB;
        ids["bulletins"] = D.DraftBulletin;
        ids["inbox"] = (int)D.MessageB;
        ids["attachments"] = D.AttachmentB;
        ids["indicators"] = D.Indicator;
        ids["leads"] = D.LeadB;
        ids["firms"] = await app.WithDbAsync(db => db.Firms.Where(f => f.RegionId == D.RegionId).OrderBy(f => f.Id).Select(f => f.Id).FirstAsync());
        ids["needs"] = D.NeedB;

        static async Task<int> IdOfAsync(HttpResponseMessage response)
        {
            Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
            return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<int>();
        }
    }

    private IEnumerable<Probe> Probes(JsonNode doc, string path, string verb, JsonNode operation, string user)
    {
        var parameters = operation["parameters"]?.AsArray().Select(p => p!).ToList() ?? [];
        var valid = parameters.Where(p => (string)p["in"]! == "path")
            .ToDictionary(p => (string)p["name"]!, p => (string)p["name"]! == "kind" ? "Unit" : ids[path.Split('/')[3]].ToString(CultureInfo.InvariantCulture), StringComparer.Ordinal);
        string Url(IReadOnlyDictionary<string, string> values, string? query) =>
            values.Aggregate(path, (url, v) => url.Replace("{" + v.Key + "}", Uri.EscapeDataString(v.Value), StringComparison.Ordinal)) + (query is null ? string.Empty : "?" + query);

        var (contentType, bodySchema) = BodyOf(doc, operation);
        Func<HttpContent?> baseline = contentType switch
        {
            null => () => null,
            "application/json" => () => Json(Baseline(bodySchema!, user)),
            "multipart/form-data" => () => Form(FormBaseline(bodySchema!), null, null),
            _ => () => new StringContent("{}", Encoding.UTF8, contentType),
        };

        foreach (var parameter in parameters.Where(p => (string)p["in"]! == "path"))
        {
            var name = (string)parameter["name"]!;
            foreach (var value in PathValues(Resolve(doc, parameter["schema"]!)))
            {
                var values = new Dictionary<string, string>(valid, StringComparer.Ordinal) { [name] = value };
                yield return new Probe(verb, Url(values, null), baseline, $"path {name}={Short(value)}", MustRefuse: true);
            }
        }

        foreach (var parameter in parameters.Where(p => (string)p["in"]! == "query"))
        {
            var name = (string)parameter["name"]!;
            foreach (var value in TextValues(doc, parameter["schema"]!))
            {
                yield return new Probe(verb, Url(valid, name + "=" + Uri.EscapeDataString(value.Text)), baseline, $"query {name}={Short(value.Text)}", value.MustRefuse, value.AlsoInEnglish);
            }
        }

        var url = Url(valid, null);
        if (contentType == "application/json")
        {
            var schema = Named(doc, bodySchema!);
            foreach (var (property, propertySchema) in schema["properties"]!.AsObject())
            {
                foreach (var value in JsonValues(doc, propertySchema!))
                {
                    yield return new Probe(verb, url, () => Json(With(Baseline(bodySchema!, user), property, value.Text)), $"{property}={Short(value.Text)}", value.MustRefuse, value.AlsoInEnglish);
                }

                // An array of objects: each field of one element, the rest of it valid.
                var items = Resolve(doc, propertySchema!)["items"];
                if (items is not null && Resolve(doc, items)["properties"] is JsonObject itemProperties)
                {
                    var itemName = RefName(items);
                    foreach (var (field, fieldSchema) in itemProperties)
                    {
                        foreach (var value in JsonValues(doc, fieldSchema!))
                        {
                            yield return new Probe(verb, url, () => Json(With(Baseline(bodySchema!, user), property, "[" + With(Baseline(itemName, user), field, value.Text) + "]")), $"{property}[0].{field}={Short(value.Text)}", value.MustRefuse);
                        }
                    }
                }
            }

            foreach (var (body, type, what) in BrokenBodies(Baseline(bodySchema!, user)))
            {
                yield return new Probe(verb, url, () => new StringContent(body, Encoding.UTF8, type), what, MustRefuse: true, AlsoInEnglish: what == "malformed JSON");
            }
        }
        else if (contentType == "multipart/form-data")
        {
            var schema = Named(doc, bodySchema!);
            var fields = FormBaseline(bodySchema!);
            foreach (var (property, propertySchema) in schema["properties"]!.AsObject())
            {
                if (IsFile(doc, propertySchema!))
                {
                    foreach (var (file, mustRefuse, what) in Files())
                    {
                        yield return new Probe(verb, url, () => Form(fields, property, file), $"{property}: {what}", mustRefuse);
                    }

                    continue;
                }

                foreach (var value in TextValues(doc, propertySchema!))
                {
                    var changed = new Dictionary<string, object>(fields, StringComparer.Ordinal) { [property] = value.Text };
                    yield return new Probe(verb, url, () => Form(changed, null, null), $"{property}={Short(value.Text)}", value.MustRefuse, value.AlsoInEnglish);
                }
            }

            yield return new Probe(verb, url, () => Json("{\"done\":\"x\"}"), "JSON instead of a form", MustRefuse: true, AlsoInEnglish: true);
            yield return new Probe(verb, url, () => null, "no body", MustRefuse: true);
        }
        else if (contentType is not null)
        {
            // A document of its own (the map's GeoJSON): anything that is not one.
            foreach (var (body, type, what) in BrokenBodies("{\"type\":\"FeatureCollection\",\"features\":[]}"))
            {
                yield return new Probe(verb, url, () => new StringContent(body, Encoding.UTF8, type), what, MustRefuse: true, AlsoInEnglish: what == "malformed JSON");
            }

            foreach (var body in new[] { "{}", "[]", "null", "\"" + TenThousand + "\"", "{\"type\":\"Polygon\",\"coordinates\":[[[1e30,1e30],[0,0],[1,1]]]}", "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"geometry\":null}]}" })
            {
                yield return new Probe(verb, url, () => new StringContent(body, Encoding.UTF8, contentType), $"GeoJSON {Short(body)}", MustRefuse: true);
            }
        }
    }

    private static (string? ContentType, string? Schema) BodyOf(JsonNode doc, JsonNode operation)
    {
        if (operation["requestBody"]?["content"] is not JsonObject content)
        {
            return (null, null);
        }

        var (type, media) = content.First();
        return (type, media?["schema"] is { } schema && (schema["$ref"] ?? schema["oneOf"]) is not null ? RefName(schema) : null);
    }

    /// <summary>A valid body of each input the contract names, its text unique to the request so that creating twice is no clash.</summary>
    private string Baseline(string schema, string user)
    {
        var n = Interlocked.Increment(ref serial);
        var day = new DateOnly(2031, 1, 1).AddDays(n % 3000).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        object body = schema switch
        {
            "UnitInput" => new { name = $"模糊单位{n}", shortName = $"模糊{n}", kind = "Department", parentId = D.RootUnitId, sortOrder = 1, isActive = true },
            "PersonInput" => new { name = $"模糊{n}", title = "科员", unitId = ids["units"], phone = "0731-1234567", email = $"f{n}@example.com", isLeader = false, isActive = true },
            "AccountInput" => new { userName = $"fuzz{n}", displayName = $"模糊{n}", unitId = ids["units"], personId = (int?)null, roles = new[] { Roles.Viewer }, password = "Fuzz@2026-account", isLocked = false },
            "LedgerInput" => new { name = $"模糊清单{n}", year = 2026, sourceKind = "Meeting", sourceTitle = "会议", isArchived = false, dueSoonDays = 7, dueSoonInWorkdays = false, lagPoints = 10, missedReportsForYellow = 2 },
            "TaskInput" => new
            {
                ledgerId = D.LedgerId,
                parentId = (int?)null,
                number = $"F{n}",
                name = $"模糊任务{n}",
                content = "内容",
                sourceKind = "Meeting",
                sourceTitle = "会议",
                sourceDocNumber = "〔2026〕1号",
                sourceDate = "2026-01-05",
                targetValue = 10,
                targetUnit = "个",
                leadUnitId = D.UnitB,
                supportingUnitIds = new[] { D.UnitA },
                leaderId = (int?)null,
                liaisonId = (int?)null,
                startDate = "2026-01-01",
                deadline = "2026-12-31",
                deadlineInWorkdays = (int?)null,
                cadence = "Monthly",
                cadenceDay = 5,
                cadenceHour = 17,
                tags = "模糊",
                milestones = new[] { new { id = (int?)null, name = "节点", due = "2026-06-30", doneOn = (string?)null } },
            },
            "MilestoneInput" => new { id = (int?)null, name = $"节点{n}", due = "2026-06-30", doneOn = (string?)null },
            "BulkAssignInput" => new { taskIds = new[] { D.TaskB }, leadUnitId = D.UnitB, leaderId = (int?)null, liaisonId = (int?)null },
            "ReportInput" => new { done = $"推进中{n}", percent = 50, problems = "无", problemCause = (string?)null, nextSteps = "继续", completedMilestoneIds = Array.Empty<int>() },
            "RequestInput" => new { kind = "Extension", statement = "申请延期", proposedDeadline = "2027-03-31" },
            "ExemptionInput" => new { reason = "暂缓", until = "2026-12-31" },
            "DecisionInput" => new { approve = false, note = "退回" },
            "CalendarDayInput" => new { date = day, isWorkday = false, name = "假日" },
            "RulesInput" => new
            {
                dueSoonDays = 7,
                dueSoonInWorkdays = false,
                lagPoints = 10,
                missedReportsForYellow = 2,
                remindDaysBefore = 3,
                letterAfterOverdueDays = 3,
                noticeAfterOverdueDays = 10,
                answerWithinWorkdays = 5,
                startLateYellowMonths = 1,
                startLateRedMonths = 3,
                gapYellowPoints = 10,
                gapRedPoints = 20,
                timeCurve = (string?)null,
                bulletinWeekday = "Friday",
                bulletinHour = 17,
                bulletinOffice = "督查室",
            },
            "SystemSettingsInput" => new { webhookUrl = (string?)null, clearWebhook = true },
            "ProjectInput" => new
            {
                ledgerId = D.LedgerId,
                number = $"P{n}",
                name = $"模糊项目{n}",
                leadUnitId = D.UnitB,
                leaderId = (int?)null,
                stewardId = (int?)null,
                pool = "Implementation",
                nature = "New",
                category = "Industrial",
                level = "County",
                industryChain = "链",
                ownerCompany = "公司",
                townUnitId = (int?)null,
                longitude = 113.3,
                latitude = 28.3,
                scale = "规模",
                startYear = 2026,
                endYear = 2027,
                totalInvestment = 10000,
                signedPlanned = "2026-02-01",
                startPlanned = "2026-03-01",
                producingPlanned = "2027-01-01",
                atCapacityPlanned = "2027-06-01",
                deadline = "2027-06-30",
                milestones = Array.Empty<object>(),
            },
            "InvestmentInput" => new { year = 2026, month = 3, amount = 100 },
            "YearPlanInput" => new { year = 2026, amount = 1000 },
            "StageInput" => new { stage = "Signed", on = "2026-02-01" },
            "WithdrawalInput" => new { reason = "撤出", approvedBy = "领导" },
            "ProblemInput" => new { projectId = D.ProjectB, ledgerId = (int?)null, name = $"问题{n}", content = "内容", cause = "Land", leadUnitId = D.UnitB, leaderId = (int?)null, deadline = "2026-12-31" },
            "AnswerInput" => new { answer = "已落实" },
            "NoticeInput" => new { kind = "ReminderLetter", body = "请加快", answerBy = "2026-12-31" },
            "InstructionInput" => new { body = "批示", answerBy = "2026-12-31" },
            "ComposeInput" => new { kind = "Weekly", day = "2026-03-06" },
            "IndicatorInput" => new { name = $"模糊指标{n}", measure = "亿元", direction = "HigherIsBetter", kind = "Cumulative", firstMonth = 1, publishesValue = true, parentId = (int?)null, sourceUnitId = (int?)null, leadUnitId = D.UnitA, leaderId = (int?)null, sortOrder = 5 },
            "TargetInput" => new { year = 2026, unitId = D.UnitB, value = 1000, growth = 6.5, halfYearPercent = 45, threeQuartersPercent = 70 },
            "ValueInput" => new { year = 2026, periodTo = 6, unitId = D.UnitB, peerName = (string?)null, value = 500, yoy = 5.2, rank = 2, revision = "Flash" },
            "LeadInput" => new { name = $"模糊线索{n}", investor = "某公司", investorOrigin = "上海", industryNodeId = (int?)null, industry = "新材料", source = "Fair", sourceText = (string?)null, plannedInvestment = 1000, followingUnitId = D.UnitB, leaderId = (int?)null, liaisonId = (int?)null, stage = "Clue", content = "简介" },
            "ContactInput" => new { on = "2026-11-20", kind = "Visit", people = "双方", agreed = "洽谈", nextStep = "再谈", nextStepDue = "2026-12-20" },
            "LeadStageInput" => new { stage = "Signed", on = "2026-11-20", signedAmount = 5000 },
            "TerminationInput" => new { reason = "对方放弃", on = "2026-11-20" },
            "LandingInput" => new { on = "2026-11-20", ledgerId = D.LedgerId, totalInvestment = 5000, townUnitId = (int?)null, category = "Industrial" },
            "FirmInput" => new { name = $"模糊企业{n}有限公司", creditCode = (string?)null, industry = "新材料", industryNodeId = (int?)null, townUnitId = D.UnitB, isKey = true, stewardId = (int?)null, contactName = "王经理", contactPhone = "0731-88881234", address = "县城" },
            "NeedInput" => new { name = $"模糊诉求{n}", content = "内容", category = "Labour", source = "Visit", leadUnitId = D.UnitB, leaderId = (int?)null, deadline = "2031-12-31" },
            "RatingInput" => new { satisfaction = "Satisfied", comment = "满意", newDeadline = (string?)null },
            "BulletinInput" => new { title = "通报", issuingOffice = "督查室", addressee = "各单位：", summary = "总体", requirements = "要求", copyTo = (string?)null },
            _ => throw new InvalidOperationException($"The contract has a request body {schema} that this test has no valid example of (as {user}): add one here."),
        };
        return System.Text.Json.JsonSerializer.Serialize(body);
    }

    /// <summary>A valid form of each multipart input: its text fields, and its files (null for none).</summary>
    private Dictionary<string, object> FormBaseline(string schema) => schema switch
    {
        "ReportForm" => new(StringComparer.Ordinal) { ["done"] = "推进中", ["percent"] = "50", ["nextSteps"] = "继续" },
        "ImportForm" => new(StringComparer.Ordinal)
        {
            ["file"] = ("重点工作任务清单-样例.xlsx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "重点工作任务清单-样例.xlsx"))),
            ["kind"] = "tasks",
            ["ledgerId"] = D.LedgerId.ToString(CultureInfo.InvariantCulture),
            ["dryRun"] = "true",
            ["createMissing"] = "false",
        },
        "IndicatorImportForm" => new(StringComparer.Ordinal)
        {
            ["file"] = ("主要经济指标-样例.xlsx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "indicators", "主要经济指标-样例.xlsx"))),
            ["year"] = "2026",
            ["revision"] = "Flash",
            ["dryRun"] = "true",
        },
        "LeadImportForm" => new(StringComparer.Ordinal)
        {
            ["file"] = ("招商引资项目台账-样例.xlsx", File.ReadAllBytes(Path.Combine(AppContext.BaseDirectory, "samples", "招商引资项目台账-样例.xlsx"))),
            ["dryRun"] = "true",
        },
        _ => throw new InvalidOperationException($"The contract has a form {schema} that this test has no valid example of: add one here."),
    };

    /// <summary>Files for a file field: none, empty, not what it claims to be, a program.</summary>
    private static IEnumerable<((string Name, byte[] Bytes)? File, bool MustRefuse, string What)> Files()
    {
        yield return (null, false, "no file");
        yield return (("empty.xlsx", []), true, "an empty file");
        // An import's dry run answers what it read of any file, an unreadable one with its error among the issues.
        yield return (("ledger.xlsx", Encoding.UTF8.GetBytes("not a workbook")), false, "text named .xlsx");
        yield return (("photo.jpg", Encoding.UTF8.GetBytes("not a photo")), true, "text named .jpg");
        yield return (("tool.exe", [0x4D, 0x5A, 0x90, 0x00, 0x03]), true, "a program");
    }

    private static MultipartFormDataContent Form(Dictionary<string, object> fields, string? fileField, (string Name, byte[] Bytes)? file)
    {
        var form = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            if (name == fileField)
            {
                continue;
            }

            if (value is ValueTuple<string, byte[]> attached)
            {
                form.Add(new ByteArrayContent(attached.Item2), name, attached.Item1);
            }
            else
            {
                form.Add(new StringContent((string)value), name);
            }
        }

        if (fileField is not null && file is { } f)
        {
            form.Add(new ByteArrayContent(f.Bytes), fileField, f.Name);
        }

        return form;
    }

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private static string With(string json, string property, string raw)
    {
        var body = JsonNode.Parse(json)!.AsObject();
        body[property] = JsonNode.Parse(raw);
        return body.ToJsonString();
    }

    /// <summary>Bodies that are not the input at all: broken, empty, another shape, another media type.</summary>
    private static IEnumerable<(string Body, string ContentType, string What)> BrokenBodies(string valid)
    {
        yield return ("{\"name\": ", "application/json", "malformed JSON");
        yield return (string.Empty, "application/json", "an empty body");
        yield return ("null", "application/json", "null");
        yield return ("[]", "application/json", "an array");
        yield return (new string('[', 200) + new string(']', 200), "application/json", "JSON nested 200 deep");
        yield return (valid, "text/plain", "valid JSON as text/plain");
        yield return ("name=x", "application/x-www-form-urlencoded", "a form");
    }

    private static IEnumerable<string> PathValues(JsonNode schema) => Kind(schema) switch
    {
        "integer" when (string?)schema["format"] == "int64" => ["-1", "0", "9223372036854775808", "abc", "1e30", "99999999999"],
        "integer" => ["-1", "0", "2147483648", "abc", "99999999"],
        _ => ["Nope", TenThousand],
    };

    /// <summary>Values as text, for query parameters and form fields; the contract's own bounds tried on both sides.</summary>
    private static List<Value> TextValues(JsonNode doc, JsonNode schemaNode)
    {
        var schema = Resolve(doc, schemaNode);
        var values = new List<Value>();
        switch (Kind(schema))
        {
            case "integer":
                values.AddRange([new("-1", false), new("0", false), new("2147483647", false), new("2147483648", true), new("1e30", true), new("abc", true, AlsoInEnglish: true), new(string.Empty, false)]);
                break;
            case "number":
                values.AddRange([new("-1", false), new("0", false), new("1e30", false), new("abc", true), new("NaN", true), new("Infinity", true)]);
                break;
            case "boolean":
                values.AddRange([new("yes", true), new("2", true), new(string.Empty, false)]);
                break;
            case "enum":
                values.AddRange([new("Nope", true, AlsoInEnglish: true), new("99", true), new(string.Join(',', schema["enum"]!.AsArray().Where(e => e is not null).Take(2).Select(e => (string)e!)), true), new(string.Empty, false)]);
                break;
            case "array":
                values.AddRange([new("abc", true), new("-1", false), new("2147483648", true)]);
                break;
            default:
                values.AddRange((string?)schema["format"] switch
                {
                    "date" => [new Value("2026-02-30", true), new("0001-01-01", true), new("9999-12-31", true), new("1999-12-31", true), new("2000-01-01", false), new("2100-12-31", false), new("abc", true, AlsoInEnglish: true), new(string.Empty, false)],
                    _ => [new Value(string.Empty, false), new("   ", false), new(TenThousand, schema["maxLength"] is not null), new("' OR 1=1 --<script>", false), new("a\u0000b", true)],
                });
                break;
        }

        if (schema["minimum"] is { } min)
        {
            var m = decimal.Parse(min.ToString(), CultureInfo.InvariantCulture);
            values.AddRange([new((m - 1).ToString(CultureInfo.InvariantCulture), true), new(m.ToString(CultureInfo.InvariantCulture), false)]);
        }

        if (schema["maximum"] is { } max)
        {
            var m = decimal.Parse(max.ToString(), CultureInfo.InvariantCulture);
            values.AddRange([new((m + 1).ToString(CultureInfo.InvariantCulture), true), new(m.ToString(CultureInfo.InvariantCulture), false)]);
        }

        if (schema["maxLength"] is { } length)
        {
            values.AddRange([new(new string('x', length.GetValue<int>() + 1), true), new(new string('x', length.GetValue<int>()), false)]);
        }

        return values;
    }

    /// <summary>Values as raw JSON, for body fields.</summary>
    private static List<Value> JsonValues(JsonNode doc, JsonNode schemaNode)
    {
        var schema = Resolve(doc, schemaNode);
        var nullable = Nullable(schemaNode);
        var values = new List<Value> { new("null", !nullable) };
        switch (Kind(schema))
        {
            case "integer":
                values.AddRange([new("-1", false), new("0", false), new("2147483647", false), new("2147483648", true), new("1e30", true), new("\"abc\"", true, AlsoInEnglish: true), new("{}", true)]);
                break;
            case "number":
                values.AddRange([new("-1", false), new("0", false), new("1e30", false), new("1e309", true), new("\"NaN\"", true), new("\"abc\"", true)]);
                break;
            case "boolean":
                values.AddRange([new("\"yes\"", true), new("2", true)]);
                break;
            case "enum":
                var first = (string)schema["enum"]!.AsArray().First(e => e is not null)!;
                values.AddRange([new("\"Nope\"", true, AlsoInEnglish: true), new("\"\"", true), new("99", true), new("\"1\"", true), new("\"" + first + "," + first + "\"", true), new("\"" + first.ToLowerInvariant() + "\"", false)]);
                break;
            case "array":
                var items = Resolve(doc, schema["items"]!);
                values.AddRange([new("\"abc\"", true), new("{}", true), new("[]", false)]);
                values.AddRange(Kind(items) switch
                {
                    "integer" => [new Value("[null]", true), new("[-1]", false), new("[2147483648]", true), new("[" + string.Join(',', Enumerable.Repeat("1", 1000)) + "]", false)],
                    "object" => [new Value("[null]", false), new("[1]", true), new("[{}]", false)],
                    _ => [new Value("[null]", false), new("[\"\"]", false), new("[1]", true), new("[\"" + TenThousand + "\"]", false)],
                });
                break;
            default:
                values.AddRange((string?)schema["format"] switch
                {
                    "date" => [new Value("\"2026-02-30\"", true), new("\"0001-01-01\"", true), new("\"9999-12-31\"", true), new("\"1999-12-31\"", true), new("\"2000-01-01\"", false), new("\"2100-12-31\"", false), new("\"today\"", true, AlsoInEnglish: true), new("20260101", true)],
                    _ => [new Value("\"\"", false), new("\"   \"", false), new("\"" + TenThousandHan + "\"", false), new("\"\\u0000\\u001f<script>\"", true), new("123", true), new("{}", true)],
                });
                break;
        }

        return values;
    }

    private static async Task<string?> WrongAsync(Probe probe, HttpResponseMessage response, bool english)
    {
        var status = (int)response.StatusCode;
        if (status >= 500 || (status >= 300 && !Refusals.Contains(status)))
        {
            return $"answered {status}: {Short(await response.Content.ReadAsStringAsync())}";
        }

        if (probe.MustRefuse && status < 300)
        {
            return $"accepted it ({status})";
        }

        if (status is not (400 or 415))
        {
            return null;
        }

        var messages = await MessagesAsync(response);
        if (messages.Count == 0)
        {
            return $"{status} without a message: {Short(await response.Content.ReadAsStringAsync())}";
        }

        if (messages.FirstOrDefault(m => ResourceKey().IsMatch(m)) is { } key)
        {
            return $"an untranslated resource key: {key}";
        }

        if (english ? messages.Any(HasHan) || !messages.Any(m => m.Any(char.IsAsciiLetter)) : !messages.Any(HasHan))
        {
            return $"not in {(english ? "English" : "Chinese")}: {Short(string.Join(" | ", messages))}";
        }

        return null;
    }

    /// <summary>What a ProblemDetails tells the person beyond its status: its detail and its field errors.</summary>
    private static async Task<List<string>> MessagesAsync(HttpResponseMessage response)
    {
        if (response.Content.Headers.ContentType?.MediaType is not ("application/problem+json" or "application/json"))
        {
            return [];
        }

        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync()) as JsonObject;
        var messages = new List<string>();
        if (problem?["detail"]?.GetValue<string>() is { Length: > 0 } detail)
        {
            messages.Add(detail);
        }

        if (problem?["errors"] is JsonObject errors)
        {
            messages.AddRange(errors.SelectMany(e => e.Value!.AsArray()).Select(m => m!.GetValue<string>()).Where(m => m.Length > 0));
        }

        return messages;
    }

    private static bool HasHan(string text) => text.Any(c => c is >= '\u4e00' and <= '\u9fff');

    private static JsonNode Named(JsonNode doc, string name) => doc["components"]!["schemas"]![name]!;

    private static JsonNode Resolve(JsonNode doc, JsonNode schema)
    {
        if (schema["$ref"] is { } reference)
        {
            return Named(doc, ((string)reference!).Split('/')[^1]);
        }

        return schema["oneOf"] is JsonArray oneOf ? Resolve(doc, oneOf.First(s => s!["$ref"] is not null)!) : schema;
    }

    private static string RefName(JsonNode schema) =>
        ((string?)schema["$ref"] ?? (string)(schema["oneOf"] as JsonArray)!.First(s => s!["$ref"] is not null)!["$ref"]!).Split('/')[^1];

    private static bool Nullable(JsonNode schema) =>
        schema["oneOf"] is JsonArray oneOf ? oneOf.Any(s => (string?)s!["type"] == "null")
        : schema["type"] is JsonArray types && types.Any(t => (string?)t == "null");

    /// <summary>The kind of value a schema holds; .NET writes integers as ["integer", "string"] (numbers may come as text).</summary>
    private static string Kind(JsonNode schema)
    {
        if (schema["enum"] is not null)
        {
            return "enum";
        }

        var types = schema["type"] switch
        {
            JsonArray list => list.Select(t => (string)t!).ToList(),
            { } one => [(string)one!],
            null => [schema["properties"] is not null ? "object" : "string"],
        };
        return new[] { "integer", "number", "boolean", "array", "object", "string" }.First(types.Contains);
    }

    private static bool IsFile(JsonNode doc, JsonNode schema)
    {
        var resolved = Resolve(doc, schema);
        return ((schema["$ref"] ?? schema["oneOf"]) is not null && RefName(schema) == "IFormFile")
            || (resolved["items"] is { } items && items["$ref"] is not null && RefName(items) == "IFormFile");
    }

    private static string Short(string text) => text.Length > 80 ? text[..60] + $"…({text.Length} chars)" : text;

    [GeneratedRegex(@"\{(\w+)[^}]*\}")]
    private static partial Regex RouteParameter();

    [GeneratedRegex(@"^[A-Z][A-Za-z0-9]+\.[A-Z][A-Za-z0-9.]+$")]
    private static partial Regex ResourceKey();
}

[Collection(OnQuietSqlite.Name)]
public sealed class ApiFuzzTestsOnSqlite(QuietSqliteFactory app, ITestOutputHelper output) : ApiFuzzTests(app, output);

[Collection(OnQuietPostgres.Name)]
public sealed class ApiFuzzTestsOnPostgres(QuietPostgresFactory app, ITestOutputHelper output) : ApiFuzzTests(app, output);
