using System.Linq.Expressions;

namespace Duban.Web.Infrastructure;

/// <summary>Combines query predicates into one expression EF translates (no Invoke, one parameter).</summary>
public static class Predicates
{
    public static Expression<Func<T, bool>> Or<T>(params IEnumerable<Expression<Func<T, bool>>> predicates)
    {
        var parameter = Expression.Parameter(typeof(T), "x");
        return Expression.Lambda<Func<T, bool>>(predicates.Select(p => Rebind(p, parameter)).Aggregate(Expression.OrElse), parameter);
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameter replaced by <paramref name="with"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, Expression with)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return new Replace(lambda.Parameters[0], with).Visit(lambda.Body);
    }

    /// <summary>The body of <paramref name="lambda"/> with its parameter number <paramref name="index"/> replaced by <paramref name="with"/>.</summary>
    public static Expression Rebind(LambdaExpression lambda, int index, Expression with)
    {
        ArgumentNullException.ThrowIfNull(lambda);
        return new Replace(lambda.Parameters[index], with).Visit(lambda.Body);
    }

    private sealed class Replace(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }
}
