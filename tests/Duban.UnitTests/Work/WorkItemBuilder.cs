using Duban.Domain.Work;

namespace Duban.UnitTests.Work;

/// <summary>A task as the office would set one up; each With… changes one thing.</summary>
public sealed class WorkItemBuilder
{
    private readonly WorkItem item = new()
    {
        Name = "推进城东片区棚户区改造",
        RegionId = 1,
        LedgerId = 1,
        LeadUnitId = 1,
        StartDate = new DateOnly(2026, 1, 1),
        Deadline = new DateOnly(2026, 12, 31),
        Status = WorkItemStatus.InProgress,
    };

    public WorkItemBuilder WithDeadline(DateOnly? deadline)
    {
        item.Deadline = deadline;
        return this;
    }

    public WorkItemBuilder StartingOn(DateOnly start)
    {
        item.StartDate = start;
        return this;
    }

    public WorkItemBuilder WithStatus(WorkItemStatus status)
    {
        item.Status = status;
        return this;
    }

    public WorkItemBuilder WithPercent(int? percent)
    {
        item.Percent = percent;
        return this;
    }

    public WorkItemBuilder WithMilestone(string name, DateOnly due, DateOnly? doneOn = null)
    {
        item.Milestones.Add(new Milestone { Name = name, Due = due, DoneOn = doneOn });
        var open = item.Milestones.Where(m => m.IsOpen).OrderBy(m => m.Due).FirstOrDefault();
        item.NextMilestoneDue = open?.Due;
        item.NextMilestoneName = open?.Name;
        return this;
    }

    public WorkItemBuilder ReportingWeeklyOn(DayOfWeek day, int hour, DateTime? nextDue)
    {
        var cadence = ReportingCadence.WeeklyOn(day, hour);
        item.CadenceKind = cadence.Kind;
        item.CadenceDay = cadence.Day;
        item.CadenceHour = cadence.Hour;
        item.NextReportDueAt = nextDue;
        return this;
    }

    public WorkItemBuilder ExemptUntil(DateOnly until)
    {
        item.ExemptUntil = until;
        item.ExemptReason = "疫情防控暂停施工";
        return this;
    }

    public WorkItem Build() => item;
}
