using System.Globalization;
using Duban.Domain.Work;

namespace Duban.Web.Features.Tasks;

/// <summary>The page a work item is read on, by its kind: the one place lists and documents link items from.</summary>
public static class WorkItemPages
{
    public static string Of(WorkItemKind kind, int id) => kind switch
    {
        WorkItemKind.KeyProject => "/Projects/",
        WorkItemKind.Indicator => "/Indicators/Item/",
        WorkItemKind.Lead => "/Leads/",
        WorkItemKind.Task or WorkItemKind.Problem => "/Tasks/",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    } + id.ToString(CultureInfo.InvariantCulture);
}
