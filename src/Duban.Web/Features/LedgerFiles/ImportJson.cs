using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Duban.Sheets.Ledgers;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.LedgerFiles;

/// <summary>
/// The parse result as JSON, for the command line's --format json and the API: the sheet, its unit, every data
/// row with its fields (glossary names in camelCase) and every issue with row, column, severity, code and message.
/// </summary>
public static class ImportJson
{
    public static string Message(IStringLocalizer l, LedgerIssue issue)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(issue);
        var text = l["Import.Issue." + issue.Code, issue.Args.Cast<object>().ToArray()];
        return text.ResourceNotFound ? issue.Code : text.Value;
    }

    public static JsonObject Of(ImportPreview preview, ImportResult? result, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(preview);
        var json = new JsonObject();
        if (preview.FileError is not null)
        {
            json["error"] = preview.FileError;
            json["rows"] = new JsonArray();
            json["issues"] = new JsonArray(new JsonObject { ["row"] = 0, ["severity"] = "error", ["code"] = "file", ["message"] = preview.FileError });
            return json;
        }

        var parse = preview.Parse!;
        json["sheet"] = parse.Sheet;
        json["title"] = parse.Title;
        json["year"] = parse.Year;
        json["unit"] = parse.Unit;
        json["asOf"] = parse.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        json["header"] = new JsonArray(parse.HeaderFirstRow, parse.HeaderLastRow);
        json["ledgerId"] = preview.Ledger?.Id;
        json["columns"] = new JsonArray(parse.Columns.Select(c => (JsonNode)new JsonObject
        {
            ["column"] = c.Letter,
            ["header"] = c.Header,
            ["group"] = c.Group,
            ["field"] = c.Field,
            ["fromTemplate"] = c.FromTemplate,
            ["unmapped"] = c.Unmapped,
        }).ToArray());
        json["unmappedColumns"] = new JsonArray(parse.Columns.Where(c => c.Unmapped).Select(c => (JsonNode)JsonValue.Create($"{c.Letter} {c.Display}")!).ToArray());
        json["words"] = new JsonArray(parse.Words.Select(w => (JsonNode)new JsonObject
        {
            ["field"] = w.Field,
            ["text"] = w.Text,
            ["value"] = w.Value,
            ["readAs"] = WordMeaning(l, w),
        }).ToArray());
        json["sections"] = new JsonArray(parse.Sections.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray());
        json["skippedRows"] = new JsonArray(parse.TotalRows.Select(r => (JsonNode)JsonValue.Create(r)).ToArray());
        json["rows"] = new JsonArray(preview.Rows.Select(p => (JsonNode)Row(p)).ToArray());
        json["issues"] = new JsonArray(parse.Issues.OrderBy(i => i.Row).Select(i => (JsonNode)new JsonObject
        {
            ["sheet"] = i.Sheet,
            ["row"] = i.Row,
            ["column"] = i.Column,
            ["severity"] = i.Severity == Severity.Error ? "error" : "warning",
            ["code"] = i.Code,
            ["message"] = Message(l, i),
        }).ToArray());
        json["counts"] = new JsonObject
        {
            ["rows"] = preview.Rows.Count,
            ["create"] = preview.Rows.Count(r => r.Action == RowAction.Create),
            ["update"] = preview.Rows.Count(r => r.Action == RowAction.Update),
            ["leaveOut"] = preview.Rows.Count(r => r.Action == RowAction.LeaveOut),
            ["errors"] = parse.Issues.Count(i => i.Severity == Severity.Error),
            ["warnings"] = parse.Issues.Count(i => i.Severity == Severity.Warning),
        };
        if (result is not null)
        {
            json["result"] = JsonSerializer.SerializeToNode(result, Web);
        }

        return json;
    }

    /// <summary>What a stage or nature word was read as, in the person's language; null when it is not in the table.</summary>
    public static string? WordMeaning(IStringLocalizer l, WordReading word)
    {
        ArgumentNullException.ThrowIfNull(l);
        ArgumentNullException.ThrowIfNull(word);
        return word.Value is not { } value ? null
            : word.Field == "stage" ? l["ProjectStage." + (Duban.Domain.Projects.ProjectStage)value].Value
            : l["ProjectNature." + (Duban.Domain.Projects.ProjectNature)value].Value;
    }

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static readonly JsonSerializerOptions Print = new(Web) { WriteIndented = true };

    private static JsonObject Row(RowPlan plan)
    {
        var fields = new JsonObject();
        foreach (var (name, value) in plan.Row.Fields)
        {
            fields[name] = value switch
            {
                DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                IReadOnlyList<MilestoneText> ms => new JsonArray(ms.Select(m => (JsonNode)new JsonObject { ["name"] = m.Name, ["due"] = m.Due.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) }).ToArray()),
                IReadOnlyList<string> list => new JsonArray(list.Select(s => (JsonNode)JsonValue.Create(s)!).ToArray()),
                _ => JsonSerializer.SerializeToNode(value, Web),
            };
        }

        var matched = new JsonObject();
        if (plan.Lead?.Unit is { } lead)
        {
            matched["leadUnit"] = new JsonObject { ["id"] = lead.Id, ["name"] = lead.Name };
        }

        if (plan.Leader is { } leader)
        {
            matched["leader"] = new JsonObject { ["id"] = leader.Id, ["name"] = leader.Name };
        }

        if (plan.Supporting.Count > 0)
        {
            matched["supportingUnits"] = new JsonArray(plan.Supporting.Where(s => s.Unit is not null).Select(s => (JsonNode)new JsonObject { ["id"] = s.Unit!.Id, ["name"] = s.Unit.Name }).ToArray());
        }

        return new JsonObject
        {
            ["sheet"] = plan.Row.Sheet,
            ["row"] = plan.Row.Row,
            ["section"] = plan.Row.Section,
            ["action"] = plan.Action switch { RowAction.Create => "create", RowAction.Update => "update", _ => "leaveOut" },
            ["existingId"] = plan.ExistingId,
            ["fields"] = fields,
            ["matched"] = matched,
        };
    }
}
