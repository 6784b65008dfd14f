using System.Linq.Expressions;
using Duban.Domain.Work;

namespace Duban.Web.Features.Lights;

/// <summary>
/// The light rule table (<see cref="LightRules.Steps"/>) as expressions over stored work items, for EF to turn
/// into one CASE per output: each step's condition and values are rebound from the facts to the item's columns
/// of the same name, and the moment's inputs become parameters. Adjacent steps with the same value share one
/// WHEN, and steps at the end that give what the ELSE gives are left out, so the SQL is as short as written by
/// hand (the date, for instance, is only ever set by the first six steps that carry one).
/// </summary>
public static class LightSql
{
    public sealed record Outputs(
        Expression<Func<WorkItem, LightReason>> Reason,
        Expression<Func<WorkItem, Light>> Light,
        Expression<Func<WorkItem, DateOnly?>> Date,
        Expression<Func<WorkItem, string?>> Text,
        Expression<Func<WorkItem, int?>> Number);

    public static Outputs For(LightInputs inputs, IReadOnlyList<LightStep>? steps = null)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        steps = LightRules.Check(steps ?? LightRules.Steps);
        var w = Expression.Parameter(typeof(WorkItem), "w");
        var p = Expression.Constant(inputs);
        Expression Bind(LambdaExpression e) => new Rebinder(e.Parameters[0], w, e.Parameters[1], p).Visit(e.Body);
        var whens = steps.Select(s => Bind(s.When)).ToList();

        Expression<Func<WorkItem, T>> Chain<T>(Func<LightStep, Expression?> value)
        {
            var none = Expression.Constant(default(T), typeof(T));
            var arms = steps.Select((s, i) => (When: whens[i], Value: value(s) is { } v ? (v.Type == typeof(T) ? v : Expression.Convert(v, typeof(T))) : (Expression)none)).ToList();

            // The last step always holds: it is the ELSE.
            var otherwise = arms[^1].Value;
            arms.RemoveAt(arms.Count - 1);
            while (arms.Count > 0 && Same(arms[^1].Value, otherwise))
            {
                arms.RemoveAt(arms.Count - 1);
            }

            var merged = new List<(Expression When, Expression Value)>();
            foreach (var arm in arms)
            {
                if (merged.Count > 0 && Same(merged[^1].Value, arm.Value))
                {
                    merged[^1] = (Expression.OrElse(merged[^1].When, arm.When), merged[^1].Value);
                }
                else
                {
                    merged.Add(arm);
                }
            }

            var body = otherwise;
            for (var i = merged.Count - 1; i >= 0; i--)
            {
                body = Expression.Condition(merged[i].When, merged[i].Value, body);
            }

            return Expression.Lambda<Func<WorkItem, T>>(body, w);
        }

        return new Outputs(
            Chain<LightReason>(s => Expression.Constant(s.Reason)),
            Chain<Light>(s => Expression.Constant(s.Light)),
            Chain<DateOnly?>(s => s.Date is null ? null : Bind(s.Date)),
            Chain<string?>(s => s.Text is null ? null : Bind(s.Text)),
            Chain<int?>(s => s.Number is null ? null : Bind(s.Number)));
    }

    /// <summary>Two values are the same when they print the same: constants, or the same columns and inputs.</summary>
    private static bool Same(Expression a, Expression b) => a.ToString() == b.ToString();

    /// <summary>Facts become the item's columns of the same name; the inputs become the moment's values.</summary>
    private sealed class Rebinder(ParameterExpression facts, ParameterExpression item, ParameterExpression inputs, Expression values) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node)
        {
            if (node.Expression == facts)
            {
                var column = typeof(WorkItem).GetProperty(node.Member.Name)
                    ?? throw new InvalidOperationException($"A light rule reads {node.Member.Name}, which a stored work item does not have.");
                if (column.PropertyType != node.Type)
                {
                    throw new InvalidOperationException($"A light rule reads {node.Member.Name} as {node.Type.Name}; the work item stores {column.PropertyType.Name}.");
                }

                return Expression.Property(item, column);
            }

            return base.VisitMember(node);
        }

        protected override Expression VisitParameter(ParameterExpression node) =>
            node == facts ? throw new InvalidOperationException("A light rule may read the facts' properties only.")
            : node == inputs ? values
            : base.VisitParameter(node);
    }
}
