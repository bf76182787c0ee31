// A scene painted on a 2D canvas (a page's canvas or an OffscreenCanvas in a worker): the same
// items the SVG painter writes, drawn with the same path data.
import { FONT_FAMILY, type Scene, type SceneItem, type Stroke } from './scene';

type Context = CanvasRenderingContext2D | OffscreenCanvasRenderingContext2D;

function stroke(ctx: Context, s: Stroke | undefined, path?: Path2D): void {
  if (!s) return;
  ctx.globalAlpha = s.opacity ?? 1;
  ctx.strokeStyle = s.color;
  ctx.lineWidth = s.width;
  ctx.setLineDash(s.dash ? [...s.dash] : []);
  if (path) ctx.stroke(path);
  else ctx.stroke();
  ctx.globalAlpha = 1;
}

function fill(ctx: Context, color: string | undefined, opacity: number | undefined, path?: Path2D): void {
  if (!color || color === 'none') return;
  ctx.globalAlpha = opacity ?? 1;
  ctx.fillStyle = color;
  if (path) ctx.fill(path);
  else ctx.fill();
  ctx.globalAlpha = 1;
}

function draw(ctx: Context, i: SceneItem): void {
  switch (i.type) {
    case 'rect':
      ctx.beginPath();
      ctx.roundRect(i.x, i.y, i.width, i.height, i.radius);
      fill(ctx, i.fill, i.fillOpacity);
      stroke(ctx, i.stroke);
      return;
    case 'circle':
      ctx.beginPath();
      ctx.arc(i.x, i.y, i.r, 0, Math.PI * 2);
      fill(ctx, i.fill, 1);
      return;
    case 'text':
      ctx.font = `${i.weight} ${i.size}px ${FONT_FAMILY}`;
      ctx.fillStyle = i.color;
      ctx.textAlign = i.anchor === 'middle' ? 'center' : i.anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillText(i.text, i.x, i.y);
      return;
    case 'path': {
      ctx.save();
      ctx.translate(i.x, i.y);
      if (i.scale) ctx.scale(i.scale, i.scale);
      const path = new Path2D(i.d);
      fill(ctx, i.fill, i.fillOpacity, path);
      if (i.scale && i.scale !== 1) {
        ctx.lineCap = 'round';
        ctx.lineJoin = 'round';
      }
      stroke(ctx, i.stroke, path);
      ctx.restore();
    }
  }
}

/** Paints the scene over the whole canvas, which should be scene.width × scene.height pixels. */
export function drawScene(ctx: Context, scene: Scene): void {
  ctx.save();
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, scene.width, scene.height);
  if (scene.background) {
    ctx.fillStyle = scene.background;
    ctx.fillRect(0, 0, scene.width, scene.height);
  }
  const v = scene.view;
  ctx.setTransform(v.scale, 0, 0, v.scale, v.offsetX - v.originX * v.scale, v.offsetY - v.originY * v.scale);
  for (const i of scene.items) draw(ctx, i);
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  for (const i of scene.overlay) draw(ctx, i);
  ctx.restore();
}
