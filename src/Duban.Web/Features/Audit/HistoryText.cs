using System.Globalization;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Audit;

/// <summary>How the history panel and the audit page put a recorded change into words: field labels, values, actors, instants.</summary>
public sealed class HistoryText(IStringLocalizer l, string timeZoneId)
{
    private readonly TimeZoneInfo zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);

    public string Label(string kind, string field)
    {
        var text = l[$"Field.{kind}.{field}"];
        return text.ResourceNotFound ? (l[$"Field.{field}"] is { ResourceNotFound: false } common ? common.Value : field) : text.Value;
    }

    public string Value(string kind, string field, string? value)
    {
        if (value is null)
        {
            return "—";
        }

        if (value.Length >= 19 && value[4] == '-' && value[10] == 'T'
            && DateTime.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var instant))
        {
            return TimeZoneInfo.ConvertTimeFromUtc(instant, zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        }

        if (value is "true" or "false")
        {
            return value == "true" ? l["Common.Yes"] : l["Common.No"];
        }

        var label = field switch
        {
            "Kind" when kind == "Unit" => l[$"UnitKind.{value}"],
            "Kind" when kind == "WorkItem" => l[$"WorkItemKind.{value}"],
            "Role" => l[$"Role.{value}"],
            "Status" when kind == "WorkItem" => l[$"WorkItemStatus.{value}"],
            "Light" => l[$"Light.{value}"],
            "LightReason" => l[$"LightReason.{value}", default(DateOnly), string.Empty, 0],
            "CadenceKind" => l[$"CadenceKind.{value}"],
            "SourceKind" => l[$"SourceKind.{value}"],
            _ => null,
        };
        return label is { ResourceNotFound: false } ? label.Value : value;
    }

    public string Actor(string actor) => actor == "system" ? l["History.System"] : actor;

    public string Instant(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(utc, zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>The kind of entity an entry is about, in words (its type name where there are none).</summary>
    public string Kind(string kind) => l[$"Audit.Kind.{kind}"] is { ResourceNotFound: false } text ? text.Value : kind;
}
