using Duban.Domain.Work;
using Microsoft.Extensions.Localization;

namespace Duban.Web.Features.Tasks;

/// <summary>A light with its reason, as the shared partial shows it.</summary>
public sealed record LightView(Light Light, LightReason Reason, DateOnly? Date, string? Text, int? Number, bool WithReason = true)
{
    public static LightView Of(TaskRow row, bool withReason = true)
    {
        ArgumentNullException.ThrowIfNull(row);
        return new(row.Light, row.LightReason, row.LightReasonDate, row.LightReasonText, row.LightReasonNumber, withReason);
    }

    public static LightView Of(TaskDetailDto task)
    {
        ArgumentNullException.ThrowIfNull(task);
        return new(task.Light, task.LightReason, task.LightReasonDate, task.LightReasonText, task.LightReasonNumber);
    }

    /// <summary>The reason in words: "时间节点“完成桩基施工”将于 2026-06-13 到期".</summary>
    public string ReasonText(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        return l[$"LightReason.{Reason}", Date ?? default, Text ?? string.Empty, Number ?? 0];
    }
}
