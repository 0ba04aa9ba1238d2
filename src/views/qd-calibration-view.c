/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "qd-calibration-view"

#include "config.h"

#include <glib/gi18n.h>

#include "qd-calibration-view.h"

struct _QdCalibrationView
{
  GtkWidget   parent_instance;

  QdReviews  *reviews;
  gint64      cycle_id;
};

G_DEFINE_FINAL_TYPE (QdCalibrationView, qd_calibration_view, GTK_TYPE_WIDGET)

static void
qd_calibration_view_dispose (GObject *object)
{
  QdCalibrationView *self = (QdCalibrationView *) object;
  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), QD_TYPE_CALIBRATION_VIEW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  if (self->reviews != NULL)
    g_signal_handlers_disconnect_by_data (self->reviews, self);
  g_clear_object (&self->reviews);

  G_OBJECT_CLASS (qd_calibration_view_parent_class)->dispose (object);
}

static void
qd_calibration_view_class_init (QdCalibrationViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = qd_calibration_view_dispose;

  gtk_widget_class_set_template_from_resource (widget_class, RESOURCE_BASE "/ui/qd-calibration-view.ui");
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
}

static void
qd_calibration_view_init (QdCalibrationView *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

GtkWidget *
qd_calibration_view_new (void)
{
  return g_object_new (QD_TYPE_CALIBRATION_VIEW, NULL);
}

void
qd_calibration_view_set_reviews (QdCalibrationView *self,
                                 QdReviews         *reviews)
{
  g_return_if_fail (QD_IS_CALIBRATION_VIEW (self));
  g_return_if_fail (reviews == NULL || QD_IS_REVIEWS (reviews));

  g_set_object (&self->reviews, reviews);
}

QdReviews *
qd_calibration_view_get_reviews (QdCalibrationView *self)
{
  g_return_val_if_fail (QD_IS_CALIBRATION_VIEW (self), NULL);

  return self->reviews;
}

void
qd_calibration_view_set_cycle (QdCalibrationView *self,
                               gint64             cycle_id)
{
  g_return_if_fail (QD_IS_CALIBRATION_VIEW (self));

  self->cycle_id = cycle_id;
}

gint64
qd_calibration_view_get_cycle (QdCalibrationView *self)
{
  g_return_val_if_fail (QD_IS_CALIBRATION_VIEW (self), 0);

  return self->cycle_id;
}
